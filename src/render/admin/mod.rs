//! Editing without git: the Decap CMS configuration `/admin/config.yml`, generated from
//! the schema tables the validator uses, and `/admin/index.html` that loads Decap.
//!
//! - `yaml`: a small deterministic YAML emitter.

pub mod yaml;

use super::{RenderError, Renderer};

impl Renderer<'_> {
    /// Write `/admin/config.yml` and `/admin/index.html`.
    pub(super) fn admin(&self) -> Result<(), RenderError> {
        Ok(())
    }
}
