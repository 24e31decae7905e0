//! The public information-quality page `/quality/`.

use super::{RenderError, Renderer};

impl Renderer<'_> {
    /// Write `/quality/`.
    pub(super) fn quality(&self) -> Result<(), RenderError> {
        Ok(())
    }
}
