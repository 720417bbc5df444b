// Which lines two texts share and which differ (the longest common subsequence of their lines),
// for showing one change of a file: removed lines with the wording they had, added lines with
// the new wording, and a few unchanged lines around each change.
export function lineDiff(before, after) {
  const a = before.split("\n"), b = after.split("\n");
  const n = a.length, m = b.length;
  const common = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
  const ops = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { ops.push({ kind: "same", text: a[i], line: j + 1 }); i++; j++; }
    else if (i < n && (j === m || common[i + 1][j] >= common[i][j + 1])) { ops.push({ kind: "removed", text: a[i], line: i + 1 }); i++; }  // old before new
    else { ops.push({ kind: "added", text: b[j], line: j + 1 }); j++; }
  }
  return ops;
}

// The changed lines with `context` unchanged lines around them; gaps as {kind: "gap"}.
export function changesOnly(ops, context = 1) {
  const keep = ops.map((op) => op.kind !== "same");
  const near = ops.map((_, k) => ops.slice(Math.max(0, k - context), k + context + 1).some((o) => o.kind !== "same"));
  const out = [];
  ops.forEach((op, k) => {
    if (keep[k] || near[k]) out.push(op);
    else if (out.length && out[out.length - 1].kind !== "gap") out.push({ kind: "gap" });
  });
  return out;
}
