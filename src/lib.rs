//! stratdoc turns a strategy kept as Markdown files with YAML frontmatter into
//! a linked static site and a print-ready board edition.
//!
//! The pipeline, one module per stage, read from [`pipeline`]:
//!
//! ```text
//! project --source--> Sources --frontmatter::parse--> Frontmatter
//!   --model::validate (by the config's schema::Schema)--> Publication
//!   --markdown::parse--> Vec<Doc>
//!   --xref::resolve--> Links (a Target per link) --data::read--> Charts
//!   --render::{site (+ search), exports}--> Vec<OutputFile> --output::write--> public/
//!   (+ render::print --> print.html --pdf--> print.pdf, for the board)
//! ```
//!
//! What a strategy is made of (its kinds, their fields and roles) is data,
//! [`schema::Schema`], declared in `src/schema/builtin.yaml`; every stage
//! reads it rather than matching kind names.
//!
//! Stages after `source` are pure: they take data and a [`diagnostics::Diagnostics`]
//! collector and return data, so every problem in a run is reported at once.

pub mod artifact;
mod byteset;
pub mod calendar;
pub mod cli;
mod cmd;
pub mod compare;
pub mod config;
pub mod data;
mod decimal;
pub mod deps;
pub mod diagnostics;
pub mod error;
pub mod fields;
pub mod framing;
pub mod frontmatter;
pub mod markdown;
mod markup;
pub mod media;
pub mod model;
pub mod money;
mod nfc;
pub mod output;
pub mod pdf;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod reuse;
pub mod schema;
pub mod search;
pub mod serve;
pub mod slug;
pub mod source;
mod wordmap;
pub mod xref;
