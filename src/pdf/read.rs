//! Reading and finishing the PDF the browser printed, with lopdf: where
//! each anchor landed (its named destination's page), and the metadata
//! Chromium leaves out (author, show the title rather than the file name,
//! open with the bookmarks).
//!
//! Chromium writes a named destination for every element an internal link
//! points to, and the table of contents links to every heading it lists,
//! so the destinations are exactly the pages the table needs. Read from the
//! PDF's own structure rather than by searching its text, a heading that
//! appears twice (in the table and in the body) cannot be mistaken.

use std::collections::{BTreeMap, HashMap};

use lopdf::{Dictionary, Document, Object, ObjectId};

/// What the finished PDF says about itself.
pub(crate) struct Metadata<'a> {
    /// Who publishes it (`organisation:`).
    pub(crate) author: Option<&'a str>,
    /// Its subtitle.
    pub(crate) subject: Option<&'a str>,
}

/// The page (1-based) of every named destination in `pdf`.
pub(crate) fn destinations(pdf: &[u8]) -> Result<HashMap<String, u32>, String> {
    let doc = Document::load_mem(pdf).map_err(|e| e.to_string())?;
    let pages: HashMap<ObjectId, u32> =
        doc.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let catalog = doc.catalog().map_err(|e| e.to_string())?;
    let mut found = HashMap::new();
    // PDF 1.1: a dictionary in the catalog (what Chromium writes) …
    if let Some(dests) = catalog.get(b"Dests").ok().and_then(|d| dict(&doc, d)) {
        for (name, value) in dests {
            if let Some(page) = page_of(&doc, value, &pages) {
                found.insert(String::from_utf8_lossy(name).into_owned(), page);
            }
        }
    }
    // … PDF 1.2 and later: a name tree under /Names.
    let tree = catalog
        .get(b"Names")
        .ok()
        .and_then(|n| dict(&doc, n))
        .and_then(|n| n.get(b"Dests").ok())
        .and_then(|d| dict(&doc, d));
    if let Some(tree) = tree {
        walk_names(&doc, tree, &pages, &mut found, 0);
    }
    Ok(found)
}

/// The number of pages of `pdf`.
pub(crate) fn page_count(pdf: &[u8]) -> Result<usize, String> {
    Ok(Document::load_mem(pdf).map_err(|e| e.to_string())?.get_pages().len())
}

/// `pdf` with `metadata` in its information dictionary, the title shown in
/// the viewer's title bar (`DisplayDocTitle`, which PDF/UA asks for) and the
/// bookmarks open beside the first page.
pub(crate) fn finish(pdf: &[u8], metadata: &Metadata<'_>) -> Result<Vec<u8>, String> {
    let mut doc = Document::load_mem(pdf).map_err(|e| e.to_string())?;
    let info_id = if let Ok(id) = doc.trailer.get(b"Info").and_then(Object::as_reference) {
        id
    } else {
        let id = doc.add_object(Dictionary::new());
        doc.trailer.set("Info", id);
        id
    };
    let info = doc.get_dictionary_mut(info_id).map_err(|e| e.to_string())?;
    if let Some(author) = metadata.author {
        info.set("Author", Object::string_literal(author.as_bytes().to_vec()).text());
    }
    if let Some(subject) = metadata.subject {
        info.set("Subject", Object::string_literal(subject.as_bytes().to_vec()).text());
    }
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    let mut preferences = Dictionary::new();
    preferences.set("DisplayDocTitle", true);
    catalog.set("ViewerPreferences", preferences);
    if catalog.has(b"Outlines") {
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    let mut out = Vec::with_capacity(pdf.len() + 1024);
    doc.save_to(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// A text string as PDF readers show any language: UTF-16BE with its byte
/// order mark (PDF 32000-1 §7.9.2.2), plain bytes only for ASCII.
trait Text {
    fn text(self) -> Object;
}

impl Text for Object {
    fn text(self) -> Object {
        let Object::String(bytes, format) = self else { return self };
        match std::str::from_utf8(&bytes) {
            Ok(s) if !s.is_ascii() => {
                let mut utf16 = vec![0xfe, 0xff];
                utf16.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
                Object::String(utf16, format)
            }
            _ => Object::String(bytes, format),
        }
    }
}

/// `object` as a dictionary, following a reference.
fn dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

/// The page a destination (`[page /XYZ …]` or `<< /D [page …] >>`) is on.
fn page_of(doc: &Document, value: &Object, pages: &HashMap<ObjectId, u32>) -> Option<u32> {
    let value = match value {
        Object::Reference(id) => doc.get_object(*id).ok()?,
        other => other,
    };
    let array = match value {
        Object::Array(a) => a,
        Object::Dictionary(d) => match d.get(b"D").ok()? {
            Object::Array(a) => a,
            Object::Reference(id) => doc.get_object(*id).ok()?.as_array().ok()?,
            _ => return None,
        },
        _ => return None,
    };
    pages.get(&array.first()?.as_reference().ok()?).copied()
}

/// Collects a name tree's destinations (bounded depth: a malformed tree
/// that points back at itself ends).
fn walk_names(
    doc: &Document,
    node: &Dictionary,
    pages: &HashMap<ObjectId, u32>,
    found: &mut HashMap<String, u32>,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    if let Ok(Object::Array(names)) = node.get(b"Names") {
        for pair in names.chunks(2) {
            if let [Object::String(name, _), value] = pair {
                if let Some(page) = page_of(doc, value, pages) {
                    found.insert(String::from_utf8_lossy(name).into_owned(), page);
                }
            }
        }
    }
    if let Ok(Object::Array(kids)) = node.get(b"Kids") {
        for kid in kids {
            if let Some(kid) = dict(doc, kid) {
                walk_names(doc, kid, pages, found, depth + 1);
            }
        }
    }
}

/// The page numbers `destinations` gives the anchors, in a stable order (for
/// comparing two passes).
pub(crate) fn numbers_of(
    anchors: &[String],
    destinations: &HashMap<String, u32>,
) -> BTreeMap<String, u32> {
    anchors.iter().filter_map(|a| destinations.get(a).map(|&page| (a.clone(), page))).collect()
}

#[cfg(test)]
mod tests;
