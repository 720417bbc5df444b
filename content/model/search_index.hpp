#pragma once
// Writes the bundle's full-text search index (tables search and search_doc, schema.cpp): for
// every language, one document per guide and one per place, holding the text a visitor of that
// language is shown — falling back along the bundle's fallback chain, as the reader does — in
// the folded form of search_text.hpp.
#include "content/model/model.hpp"

namespace content::sql { class Database; }

namespace content {

void write_search_index(sql::Database& db, const Content& content);

}  // namespace content
