//! Zola's elasticlunr search index.
