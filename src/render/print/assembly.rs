//! Writes the board edition in document order while its pages are still
//! being rendered: the pieces the edition rendered up front, and each
//! printed page's element as it arrives. Pages arrive in document order
//! (the build renders them in that order); each element's end waits until
//! its children are written.

use std::collections::HashMap;

use crate::error::Error;
use crate::model::PageId;
use crate::output::Stream;
use crate::render::print::Piece;

/// `print.html` being written.
pub(crate) struct Assembly<'s> {
    out: Stream<'s>,
    pieces: std::vec::IntoIter<Piece>,
    /// The ends of the elements whose children are being written.
    ends: HashMap<PageId, String>,
}

impl<'s> Assembly<'s> {
    /// Starts writing `pieces` to `out`.
    pub(crate) fn new(out: Stream<'s>, pieces: Vec<Piece>) -> Self {
        Assembly { out, pieces: pieces.into_iter(), ends: HashMap::new() }
    }

    /// Writes everything up to page `id`'s element, then its start; keeps
    /// its end for after its children.
    pub(crate) fn page(&mut self, id: PageId, (start, end): (String, String)) -> Result<(), Error> {
        while let Some(piece) = self.pieces.next() {
            match piece {
                Piece::Open(open) if open == id => {
                    self.out.push(&start)?;
                    self.ends.insert(id, end);
                    return Ok(());
                }
                piece => self.write(piece)?,
            }
        }
        Ok(())
    }

    /// Writes the rest and ends the file.
    pub(crate) fn finish(mut self) -> Result<(), Error> {
        while let Some(piece) = self.pieces.next() {
            self.write(piece)?;
        }
        self.out.finish()
    }

    fn write(&mut self, piece: Piece) -> Result<(), Error> {
        match piece {
            Piece::Text(text) => self.out.push(&text),
            Piece::Close(id) => match self.ends.remove(&id) {
                Some(end) => self.out.push(&end),
                None => Ok(()),
            },
            // A page the build did not hand over (it has errors, so this
            // file is never published): nothing to write.
            Piece::Open(_) => Ok(()),
        }
    }
}
