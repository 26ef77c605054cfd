//! stratdoc turns a strategy kept as Markdown files with YAML frontmatter into
//! a linked static site and a print-ready board edition.
//!
//! The pipeline, one module per stage, read from [`pipeline`]:
//!
//! ```text
//! project --source--> Sources --frontmatter::parse--> Frontmatter
//!   --model::validate--> Publication --markdown::parse--> Vec<Doc>
//!   --xref::resolve--> Links (a Target per link) --data::read--> Charts
//!   --render::{site, exports}--> Vec<OutputFile> --output::write--> public/
//!   (+ render::print --> print.html --pdf--> print.pdf, for the board)
//! ```
//!
//! Stages after `source` are pure: they take data and a [`diagnostics::Diagnostics`]
//! collector and return data, so every problem in a run is reported at once.

pub mod artifact;
pub mod calendar;
pub mod cli;
mod cmd;
pub mod config;
pub mod data;
pub mod deps;
pub mod diagnostics;
pub mod error;
pub mod fields;
pub mod framing;
pub mod frontmatter;
pub mod markdown;
mod markup;
pub mod model;
pub mod money;
pub mod output;
pub mod pdf;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod slug;
pub mod source;
pub mod xref;
