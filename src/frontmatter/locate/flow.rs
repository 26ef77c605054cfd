//! Flow style (`[a, b]`, `{k: v}`), perhaps over several lines: each item
//! and each key found among the collection's top-level pieces, in order;
//! where the pieces do not match the parsed values, they point at the
//! whole collection, which is still right.

use std::ops::Range;

use serde_yaml::Value as Yaml;

use super::scan::{flow_entry, flow_pieces, without_properties};
use super::{Locator, not_plain_key, plain_key};
use crate::diagnostics::{Diagnostics, Span};
use crate::frontmatter::{Field, Node};

impl Locator<'_> {
    /// Where the flow collection written at `span` opens, after its anchor or tag.
    fn flow_start(&self, span: &Span) -> usize {
        let text = &self.text[span.range.start..self.end];
        span.range.start + text.len() - without_properties(text).len()
    }

    /// Items of `[a, b]`, perhaps over several lines: each is the text
    /// between top-level commas (found in one pass); when that does not give
    /// one piece per item, each points at the whole list.
    pub(super) fn flow_items(
        &self,
        items: &[Yaml],
        span: &Span,
        diags: &mut Diagnostics,
    ) -> Vec<Node> {
        let start = self.flow_start(span);
        let pieces =
            flow_pieces(&self.text[start..self.end]).filter(|pieces| pieces.len() == items.len());
        items
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let piece =
                    pieces.as_ref().map(|pieces| start + pieces[n].start..start + pieces[n].end);
                self.node(item, piece, 0..0, span, diags)
            })
            .collect()
    }

    /// The fields of `{k: v, …}`, perhaps over several lines, each key found
    /// among the pieces in order; a key not found points at the whole mapping.
    pub(super) fn flow_map(
        &self,
        map: &serde_yaml::Mapping,
        span: &Span,
        diags: &mut Diagnostics,
    ) -> Vec<Field> {
        let start = self.flow_start(span);
        let entries: Vec<(String, Range<usize>, Option<Range<usize>>)> =
            flow_pieces(&self.text[start..self.end])
                .unwrap_or_default()
                .into_iter()
                .map(|piece| flow_entry(&self.text[start..self.end], piece))
                .map(|(name, key, value)| {
                    (
                        name,
                        start + key.start..start + key.end,
                        value.map(|v| start + v.start..start + v.end),
                    )
                })
                .collect();
        let mut cursor = 0;
        let mut fields = Vec::with_capacity(map.len());
        for (key, value) in map {
            let Some(name) = plain_key(key) else {
                diags.push(not_plain_key(span.clone()));
                continue;
            };
            let at = entries[cursor.min(entries.len())..].iter().position(|e| e.0 == name);
            let Some(k) = at.map(|k| cursor + k) else {
                let value = self.node(value, None, 0..0, span, diags);
                fields.push(Field { key: name, key_span: span.clone(), value });
                continue;
            };
            cursor = k + 1;
            let key_span = self.span(entries[k].1.clone());
            let value = self.node(value, entries[k].2.clone(), 0..0, &key_span, diags);
            fields.push(Field { key: name, key_span, value });
        }
        fields
    }
}
