//! The files a build produces, still in memory: what renderers return and
//! `output` writes (or `serve` keeps). A leaf module, so neither of those two
//! stages depends on the other.

use std::path::PathBuf;

/// The file that marks a folder as stratdoc's own output: `output` writes it
/// and replaces only folders that have it; `source` refuses to read from them.
pub const MARKER: &str = ".stratdoc-output";

/// One file of the finished site, still in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// What goes in it.
    pub contents: Contents,
}

/// The bytes of an output file, or where to copy them from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    /// Generated.
    Bytes(Vec<u8>),
    /// Copied from this file (assets).
    Copy(PathBuf),
}
