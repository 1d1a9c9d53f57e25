-- Entity search reads the names nearest to the query in word-distance order (KNN, `<<->`) and stops at its
-- candidate count, which a GIN index cannot do: GIN answers `<%` only as a bitmap of every match, so a name shared by
-- half the catalogue read half the catalogue. The GiST trigram index orders by distance and takes `<%` as its index
-- condition. A 256-byte signature (the default is 12) keeps a page's signature from filling up with the trigrams of a
-- few hundred names, so a rare or misspelt query prunes most of the index instead of walking it.
CREATE INDEX entity_search_gist_idx ON entity USING gist (search_names gist_trgm_ops (siglen = 256));
DROP INDEX entity_search_trgm_idx;
