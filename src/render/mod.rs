//! Stage 6, RENDER: Tera templates over the checked model and the rendered
//! Markdown, producing every output file in memory. Tera stays in here.
//!
//! Templates come from, in rising priority: the built-in default theme
//! (embedded, so the binary works anywhere), a project theme folder
//! `themes/<theme>/`, and the project's own `templates/`, by file name.

mod labels;
mod site;
mod templates;

pub use labels::{date, quarter, quarter_range};
pub use site::{Rendered, site};
pub use templates::Templates;
