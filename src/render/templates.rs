//! The templates, ready to render: built from the [`Theme`] the load stage
//! read (no file access here), with three guards tera lacks. A ring of
//! templates that extend, include or import each other is refused before
//! anything renders, since tera would recurse until the stack overflows; and
//! `get_env`, the one tera built-in that reaches the machine, is replaced,
//! so a template cannot copy an environment variable (a CI secret) into the
//! site or the log. No other built-in reads the environment or a file, and
//! `include` only finds templates given here. And a template that writes
//! markup bringing in another document (an `<iframe>`) is refused, as raw
//! HTML in a page is (see [`crate::framing`]).

use std::collections::HashMap;

use rayon::prelude::*;

use crate::artifact::OutputFile;
use crate::diagnostics::Diagnostics;
use crate::error::Error;
use crate::framing;
use crate::model::THEME_DIR;
#[cfg(doc)]
use crate::output::Stream;
use crate::source::{TemplateFile, Theme};

mod cycles;
mod escape;
mod nesting;

use cycles::report_cycles;
use escape::write_escaped;
pub(crate) use escape::{escape_html, push_escaped};
use nesting::{too_deep, too_deep_diagnostic};

/// Parsed templates and the theme's static files.
pub struct Templates {
    tera: tera::Tera,
    /// Static theme files, at their place in the site (`theme/style.css`).
    pub(crate) statics: Vec<OutputFile>,
}

impl Templates {
    /// Parses and checks every template of `theme`. A template cycle is
    /// reported in `diags` at the reference that closes it.
    pub fn new(theme: &Theme, diags: &mut Diagnostics) -> Result<Templates, Error> {
        // Side by side: in turn, Tera's parser took 14 ms for the default
        // theme's 18 templates, on one core, before any page is read. The
        // first file in order that cannot be parsed is the one reported.
        let each: Vec<_> = theme.templates.par_iter().map(parse).collect();
        let mut parsed = Vec::with_capacity(each.len());
        for (file, template) in theme.templates.iter().zip(each) {
            match template {
                Ok(template) => parsed.push(template),
                Err(Unparsed::TooDeep(at)) => {
                    diags.push(too_deep_diagnostic(file, at));
                    return Err(Error::Theme(theme.name.clone()));
                }
                Err(Unparsed::Tera(error)) => return Err(error),
            }
        }
        let errors = diags.errors();
        diags.extend(framing::in_templates(&theme.templates));
        report_cycles(&theme.templates, &parsed, diags);
        if diags.errors() > errors {
            return Err(Error::Theme(theme.name.clone()));
        }
        let mut tera = tera::Tera::default();
        tera.register_function("get_env", no_env);
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(escape_html);
        tera.set_escape_fn_to(write_escaped);
        tera.templates = parsed.into_iter().map(|t| (t.name.clone(), t)).collect();
        tera.build_inheritance_chains()
            .and_then(|()| tera.check_macro_files())
            .map_err(|source| Error::Template { name: template_in_error(&source), source })?;
        let statics = theme
            .statics
            .iter()
            .map(|s| OutputFile {
                path: format!("{THEME_DIR}/{}", s.name),
                contents: s.contents.clone(),
            })
            .collect();
        Ok(Templates { tera, statics })
    }

    /// The built-in default theme alone (no project overrides).
    pub fn embedded() -> Result<Templates, Error> {
        Templates::new(&Theme::built_in(), &mut Diagnostics::new())
    }

    /// Renders template `name` with `context` over `shared` (see
    /// [`Templates::render_to`]).
    pub(crate) fn render(
        &self,
        name: &str,
        shared: &tera::Context,
        context: &tera::Context,
    ) -> Result<String, Error> {
        let mut html = Vec::new();
        self.render_to(name, shared, context, &mut html)?;
        // Checked as Tera's own `render` checks it.
        String::from_utf8(html).map_err(|e| Error::Template {
            name: name.to_owned(),
            source: tera::Error::utf8_conversion_error(e, name.to_owned()),
        })
    }

    /// Renders template `name` with `context` over `shared`, what every
    /// render of an output has alike (the words, the site's header): a name
    /// `context` lacks is looked up there, so the shared values are given
    /// to Tera once rather than copied into each page's context (making and
    /// dropping that copy was 2.4 % of a build's instructions). Into `out`
    /// as it goes. A writer that fails keeps its own error (see
    /// [`Stream::take_error`]): the caller asks it first, as a failed write
    /// is not the template's.
    pub(crate) fn render_to(
        &self,
        name: &str,
        shared: &tera::Context,
        context: &tera::Context,
        out: &mut impl std::io::Write,
    ) -> Result<(), Error> {
        self.tera
            .render_to_over(name, shared, context, out)
            .map_err(|source| Error::Template { name: name.to_owned(), source })
    }
}

/// Why a template file could not be parsed.
enum Unparsed {
    /// Nested deeper than Tera's recursive parser may go, at this byte.
    TooDeep(usize),
    Tera(Error),
}

/// Parses `file` as a Tera template.
fn parse(file: &TemplateFile) -> Result<tera::Template, Unparsed> {
    // Checked before tera parses, which recurses per level too.
    if let Some(at) = too_deep(&file.text) {
        return Err(Unparsed::TooDeep(at));
    }
    tera::Template::new(&file.name, None, &file.text).map_err(|e| {
        let source = tera::Error::chain(format!("Failed to parse '{}'", file.name), e);
        Unparsed::Tera(Error::Template { name: file.name.clone(), source })
    })
}

/// Stands in for tera's `get_env`: templates never read the environment.
fn no_env(_: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    Err(tera::Error::msg(
        "`get_env` is not available: stratdoc's templates cannot read environment variables",
    ))
}

/// Tera names the failing template only inside its message.
fn template_in_error(err: &tera::Error) -> String {
    let text = err.to_string();
    text.split('\'').nth(1).unwrap_or("?").to_owned()
}

#[cfg(test)]
mod patched_tera;
#[cfg(test)]
mod tests;
