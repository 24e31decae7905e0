//! Synthetic catalogues for benchmarks (placeholder replaced below).
use std::path::Path;
pub struct Spec {
    pub services: usize,
    pub providers: usize,
    pub standards: usize,
    pub seed: u64,
}
pub fn generate(_out: &Path, _spec: &Spec) -> Result<(), String> {
    Err("not yet".into())
}
