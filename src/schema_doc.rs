//! The content reference, generated from `schema` (placeholder replaced below).
pub fn markdown() -> String {
    String::new()
}
