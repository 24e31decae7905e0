//! socnav: a static site generator for a public navigator of social support measures and
//! a catalogue of social-service standards.
//!
//! The pipeline, one module per stage:
//! 1. [`load`]: config.toml, content/ and data/ into memory, with source spans;
//! 2. [`validate`]: every problem in one run, as [`diagnostics`] an editor can act on;
//! 3. [`model`]: typed records, sections, taxonomies and reverse links;
//! 4. [`render`]: Tera templates and Markdown ([`markdown`]) into pages, feeds, sitemap;
//! 5. [`index`]: the search indexes (socnav's sharded one and Zola's elasticlunr one);
//! 6. [`write`]: a staging folder swapped in only when the build succeeded.
//!
//! Commands: [`build`], [`check`], [`new`], [`serve`] (preview with rebuilds on change); [`synth`] generates synthetic catalogues for
//! benchmarks. [`schema`] is the single definition of every record kind.

pub mod alloc;
pub mod build;
pub mod check;
pub mod config;
pub mod diagnostics;
pub mod export;
pub mod index;
pub mod json;
pub mod load;
pub mod markdown;
pub mod model;
pub mod new;
pub mod pipeline;
pub mod quality;
pub mod render;
pub mod schema;
pub mod schema_doc;
pub mod serve;
pub mod synth;
pub mod validate;
pub mod write;
