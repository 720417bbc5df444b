// The console's JSON API, with the session's CSRF token on every request (the server refuses a
// change without it) and the cookie the browser keeps (HttpOnly: scripts never see it).
export const session = { csrf: "", user: null };

export async function api(method, path, body) {
  const headers = { "X-CSRF-Token": session.csrf };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
  let data = {};
  if (res.status !== 204) {
    try { data = await res.json(); } catch { data = { error: res.status + " " + res.statusText }; }
  }
  if (res.status === 401 && path !== "/api/login" && path !== "/api/me") window.dispatchEvent(new Event("signed-out"));
  return { ok: res.ok, status: res.status, data };
}

// A preview picture drawn by the kiosk program: an object URL for an <img>, or the refusal.
export async function picture(path) {
  const res = await fetch(path, { credentials: "same-origin" });
  if (!res.ok) {
    let error = res.status + "";
    try { error = (await res.json()).error; } catch { /* not JSON */ }
    return { ok: false, error };
  }
  return { ok: true, url: URL.createObjectURL(await res.blob()) };
}

export const is = (...roles) => session.user && roles.includes(session.user.role);
