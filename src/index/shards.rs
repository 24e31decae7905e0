//! socnav's sharded search index.

#[derive(Debug, Default, Clone)]
pub struct ShardStats {
    pub files: usize,
}

pub fn build_shards() -> ShardStats {
    ShardStats::default()
}
