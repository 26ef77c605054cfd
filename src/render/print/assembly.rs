//! Writes the board edition in document order while its pages are still
//! being rendered: each printed page's element as it arrives, and between
//! them the elements no page carries, rendered as they are reached. Pages
//! arrive in document order (the build renders them in that order); each
//! element's end waits until its children are written.

use std::collections::HashMap;
use std::sync::mpsc::Receiver;

use crate::error::Error;
use crate::model::PageId;
use crate::output::Stream;
use crate::render::print::{Edition, Element, Piece};

/// `print.html` being written.
pub(crate) struct Assembly<'s, 'e> {
    out: Stream<'s>,
    edition: &'e Edition<'e>,
    /// What is left to write, from the first page handed over (see
    /// [`Assembly::next_piece`]).
    pieces: Option<std::vec::IntoIter<Piece>>,
    /// The ends of the elements whose children are being written.
    ends: HashMap<Element, String>,
    /// The plan views, rendered in document order by another thread.
    ahead: Option<Receiver<Ahead>>,
}

/// A plan view rendered ahead of the assembly (see [`Assembly::render_ahead`]).
pub(crate) type Ahead = (Element, Result<(String, String), Error>);

impl<'s, 'e> Assembly<'s, 'e> {
    /// `edition`, to be written to `out`.
    pub(crate) fn new(out: Stream<'s>, edition: &'e Edition<'e>) -> Self {
        Assembly { out, edition, pieces: None, ends: HashMap::new(), ahead: None }
    }

    /// Takes the plan views from `ahead` instead of rendering them when
    /// they are reached: a build's other thread renders them after the
    /// site's own plan views, while memory is low and the pass is in its
    /// middle. Rendered here, at 10,000 initiatives they took half a second
    /// on one thread near the end of the build and were its peak memory
    /// (Tera's copy of their rows, tens of megabytes).
    pub(crate) fn render_ahead(&mut self, ahead: Receiver<Ahead>) {
        self.ahead = Some(ahead);
    }

    /// Writes everything up to page `id`'s element, then its start; keeps
    /// its end for after its children.
    pub(crate) fn page(
        &mut self,
        id: PageId,
        (start, end): &(String, String),
    ) -> Result<(), Error> {
        while let Some(piece) = self.next_piece()? {
            match piece {
                Piece::Open(Element::Page(open)) if open == id => {
                    self.out.push(start)?;
                    self.ends.insert(Element::Page(id), end.clone());
                    return Ok(());
                }
                piece => self.write(piece)?,
            }
        }
        Ok(())
    }

    /// Writes the rest and ends the file.
    pub(crate) fn finish(mut self) -> Result<(), Error> {
        while let Some(piece) = self.next_piece()? {
            self.write(piece)?;
        }
        self.out.finish()
    }

    /// The next piece to write. The first call renders the document's
    /// frame (its cover and its contents, a line per printed page): on the
    /// thread that writes the edition, beside the pass, rather than before
    /// the pass on the only busy core (17 ms at 10,000 pages).
    fn next_piece(&mut self) -> Result<Option<Piece>, Error> {
        if self.pieces.is_none() {
            self.pieces = Some(self.edition.pieces()?.into_iter());
        }
        Ok(self.pieces.as_mut().and_then(Iterator::next))
    }

    fn write(&mut self, piece: Piece) -> Result<(), Error> {
        match piece {
            Piece::Text(text) => self.out.push(&text),
            Piece::Close(element) => match self.ends.remove(&element) {
                Some(end) => self.out.push(&end),
                None => Ok(()),
            },
            // A page the build did not hand over (it has errors, so this
            // file is never published): nothing to write.
            Piece::Open(Element::Page(_)) => Ok(()),
            Piece::Open(element) => {
                let (start, end) = self.element(element)?;
                self.ends.insert(element, end);
                self.out.push(&start)
            }
        }
    }

    /// Element `element`, from the thread that renders plan views ahead
    /// when there is one and it has it (they come in document order); else
    /// rendered here.
    fn element(&mut self, element: Element) -> Result<(String, String), Error> {
        if let (Element::Chapter(..), Some(ahead)) = (element, &self.ahead) {
            while let Ok((view, rendered)) = ahead.recv() {
                if view == element {
                    return rendered;
                }
            }
            // That thread has ended without it.
            self.ahead = None;
        }
        self.edition.element(element)
    }
}
