//! The pass over the pages, the heart of a build. Each page's body is
//! parsed once ([`markdown::parse`]) and, from the same events, written for
//! every output that shows it: its site page (handed to the sink at once),
//! its element of the board edition (written into `print.html` in document
//! order as it comes), its words for the search index. What links into the
//! page can name is kept, so links between pages are checked once every
//! page is read. Pages are rendered side by side in chunks, in the board
//! edition's order, so memory holds one chunk's work, never the site.
//!
//! After the pass: the checks that need every page, then the files that
//! show many pages (overviews, plan views, the search index, the exports).

use rayon::prelude::*;

use crate::data;
use crate::diagnostics::Diagnostics;
use crate::error::Error;
use crate::framing;
use crate::markdown::{self, HtmlOptions, Under};
use crate::model::{Page, PageId};
use crate::output::Sink;
use crate::render::labels;
use crate::render::print::{self, Assembly, Edition};
use crate::render::site::search::Entry;
use crate::render::site::{self, Site};
use crate::render::{Input, Templates, export};
use crate::schema::{Role, Schema};
use crate::xref::{self, Anchors, Pending, Target};

/// Pages rendered side by side before their results are taken in: enough
/// to keep every core busy, few enough that their HTML is small change.
const CHUNK: usize = 64;

/// Which outputs a build makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outputs {
    /// The site: pages, overviews, plan views, search index, exports.
    pub site: bool,
    /// The board edition, `print.html`.
    pub print: bool,
}

impl Outputs {
    /// Everything.
    pub const ALL: Outputs = Outputs { site: true, print: true };
    /// Nothing: the pages are read and checked only.
    pub const NONE: Outputs = Outputs { site: false, print: false };
}

/// Renders `outputs` of `input` into `sink`. Content problems go to
/// `diags`; with any error among them, the result is `Error::Content` and
/// whatever was written is not to be published.
pub fn run(
    input: &Input<'_>,
    templates: &Templates,
    outputs: Outputs,
    sink: &Sink,
    diags: &mut Diagnostics,
) -> Result<(), Error> {
    let labels = labels::labels(input.config);
    let site = outputs.site.then(|| Site::new(input, templates, &labels));
    let edition = if outputs.print { Some(Edition::new(input, templates, &labels)) } else { None };
    let pass = Pass {
        input,
        index: xref::Index::new(input.publication),
        site: site.as_ref(),
        edition: edition.as_ref(),
    };
    let mut assembly = match &edition {
        Some(edition) => Some(Assembly::new(sink.stream(print::FILE)?, edition.pieces()?)),
        None => None,
    };
    let publication = input.publication;
    let mut anchors: Vec<Anchors> = publication.pages.iter().map(|_| Anchors::default()).collect();
    let mut pending = Vec::new();
    let mut entries = Vec::new();
    for chunk in pass.order().chunks(CHUNK) {
        let done: Vec<Result<Rendered, Error>> =
            chunk.par_iter().map(|&id| pass.page(id, sink)).collect();
        for rendered in done {
            let rendered = rendered?;
            diags.extend(rendered.diags.items().iter().cloned());
            if let (Some(assembly), Some(element)) = (&mut assembly, rendered.print) {
                assembly.page(rendered.id, element)?;
            }
            anchors[rendered.id.index()] = rendered.anchors;
            pending.extend(rendered.pending);
            entries.extend(rendered.search);
        }
    }
    pass.index.check(&pending, &anchors, diags);
    diags.sort();
    if diags.has_errors() {
        return Err(Error::Content(diags.clone()));
    }
    if let Some(assembly) = assembly {
        assembly.finish()?;
    }
    if let Some(site) = &site {
        site::rest(site, sink)?;
        sink.put(site.search_index(&entries))?;
        for file in export::exports(input) {
            sink.put(file)?;
        }
    }
    Ok(())
}

/// What the pages of one build share.
struct Pass<'a> {
    input: &'a Input<'a>,
    index: xref::Index<'a>,
    site: Option<&'a Site<'a>>,
    edition: Option<&'a Edition<'a>>,
}

/// One page's part in the outputs that are not written at once.
struct Rendered {
    id: PageId,
    /// Its element of the board edition, split where its children go.
    print: Option<(String, String)>,
    /// It as the search index sees it.
    search: Option<Entry>,
    /// What links into it can name.
    anchors: Anchors,
    /// Its links' fragments into other pages, to check after the pass.
    pending: Vec<Pending>,
    diags: Diagnostics,
}

impl Pass<'_> {
    /// Every page, the board edition's first and in its order, so each
    /// page's element can be written as soon as it is made.
    fn order(&self) -> Vec<PageId> {
        let publication = self.input.publication;
        let mut order = self.edition.map(Edition::order).unwrap_or_default();
        let printed = |id: PageId| self.edition.is_some_and(|e| e.prints(id));
        order.extend(publication.iter().map(|(id, _)| id).filter(|&id| !printed(id)));
        order
    }

    /// Parses page `id`'s body and writes it for every output.
    fn page(&self, id: PageId, sink: &Sink) -> Result<Rendered, Error> {
        let input = self.input;
        let page = &input.publication[id];
        let text = &input.sources.get(page.source).text;
        let options =
            HtmlOptions { language: input.config.language, allow_html: input.config.allow_html };
        let parsed;
        let doc = if let Some(doc) = input.early.get(&page.source) {
            doc
        } else {
            parsed = markdown::parse(page.source, text, page.body.clone(), options);
            &parsed
        };
        let mut diags = Diagnostics::new();
        let mut pending = Vec::new();
        let targets: Vec<Target> = self.index.links(id, doc, &mut pending, &mut diags);
        diags.extend(markdown::check_levels(&doc.headings, under(&input.publication.schema, page)));
        diags.extend(doc.framing.iter().map(|(found, span)| framing::in_page(found, span.clone())));
        data::check_blocks(input.publication.chart_specs(id), &doc.embeds, &mut diags);
        let mut rendered =
            Rendered { id, print: None, search: None, anchors: Anchors::of(doc), pending, diags };
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

/// Where page `page`'s body sits in its page, for its headings' levels:
/// the front page's under a section of the front page.
fn under(schema: &Schema, page: &Page) -> Under {
    match (schema.is(page.kind, Role::Front), page.title_in_body) {
        (true, _) => Under::Section,
        (_, true) => Under::OwnTitle,
        _ => Under::Title,
    }
}
