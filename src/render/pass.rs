//! One page's part of a run, the heart of a build: its body is parsed once
//! ([`markdown::parse`]) and, from the same events, written for every
//! output that shows it: its site page (handed to the sink at once), its
//! element of the board edition, its words for the search index. What
//! links into the page can name is kept, so links between pages are
//! checked once every page is read (see `run`).

use crate::data;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::error::Error;
use crate::framing;
use crate::markdown::{self, HtmlOptions, Under};
use crate::model::{Page, PageId};
use crate::output::Sink;
use crate::render::Input;
use crate::render::print::Edition;
use crate::render::site::Site;
use crate::render::site::search::Entry;
use crate::schema::{Role, Schema};
use crate::xref::{self, Anchors, Pending, Target};

/// What the pages of one run share.
pub(crate) struct Pass<'a> {
    pub(crate) input: &'a Input<'a>,
    pub(crate) index: xref::Index<'a>,
    pub(crate) site: Option<&'a Site<'a>>,
    pub(crate) edition: Option<&'a Edition<'a>>,
}

/// One page's part in the outputs that are not written at once.
pub(crate) struct Rendered {
    /// Its element of the board edition, split where its children go.
    pub(crate) print: Option<(String, String)>,
    /// It as the search index sees it.
    pub(crate) search: Option<Entry>,
    /// What links into it can name.
    pub(crate) anchors: Anchors,
    /// Its links' fragments into other pages, to check after the pass.
    pub(crate) pending: Vec<Pending>,
    pub(crate) diags: Diagnostics,
}

impl Rendered {
    /// A page that could not be read again: its error and nothing else.
    fn failed(diags: Diagnostics) -> Rendered {
        let anchors = Anchors::default();
        Rendered { print: None, search: None, anchors, pending: Vec::new(), diags }
    }
}

impl Pass<'_> {
    /// Every page, the board edition's first and in its order, so each
    /// page's element can be written as soon as it is made.
    pub(crate) fn order(&self) -> Vec<PageId> {
        let publication = self.input.publication;
        let mut order = self.edition.map(Edition::order).unwrap_or_default();
        let printed = |id: PageId| self.edition.is_some_and(|e| e.prints(id));
        order.extend(publication.iter().map(|(id, _)| id).filter(|&id| !printed(id)));
        order
    }

    /// Parses page `id`'s body and writes it for every output.
    pub(crate) fn page(&self, id: PageId, sink: &Sink) -> Result<Rendered, Error> {
        let input = self.input;
        let page = &input.publication[id];
        let options =
            HtmlOptions { language: input.config.language, allow_html: input.config.allow_html };
        let mut diags = Diagnostics::new();
        let (text, parsed);
        let doc = if let Some(doc) = input.early.get(page.source) {
            doc
        } else if let Some(read) = input.sources.read(page.source) {
            text = read;
            parsed = markdown::parse(page.source, &text, page.body.clone(), options);
            &parsed
        } else {
            diags.push(changed(&input.sources.get(page.source).path));
            return Ok(Rendered::failed(diags));
        };
        let mut pending = Vec::new();
        let targets: Vec<Target> = self.index.links(id, doc, &mut pending, &mut diags);
        diags.extend(markdown::check_levels(&doc.headings, under(&input.publication.schema, page)));
        diags.extend(doc.framing.iter().map(|(found, span)| framing::in_page(found, span.clone())));
        data::check_blocks(input.publication.chart_specs(id), &doc.embeds, &mut diags);
        let mut rendered =
            Rendered { print: None, search: None, anchors: Anchors::of(doc), pending, diags };
        // A page with an error is read and checked, never written.
        if rendered.diags.has_errors() {
            return Ok(rendered);
        }
        if let Some(site) = self.site {
            sink.put(site.page(id, doc, &targets)?)?;
            rendered.search = Some(site.entry(id, doc));
        }
        if let Some(edition) = self.edition.filter(|e| e.prints(id)) {
            rendered.print = Some(edition.page(id, doc, &targets)?);
        }
        Ok(rendered)
    }
}

/// The error for a page saved again (or removed) while the build read it:
/// what was checked is not what would be written.
fn changed(path: &str) -> Diagnostic {
    Diagnostic::global(format!("`{path}` changed while stratdoc was building"))
        .code(Code::UnreadableFile)
        .help("build again".to_owned())
}

/// Where page `page`'s body sits in its page, for its headings' levels:
/// the front page's under a section of the front page.
fn under(schema: &Schema, page: &Page) -> Under {
    match (schema.is(page.kind, Role::Front), page.title_in_body) {
        (true, _) => Under::Section,
        (_, true) => Under::OwnTitle,
        _ => Under::Title,
    }
}
