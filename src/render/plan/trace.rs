//! Traceability between kinds, for every reference field no role shows:
//! the pages of the kind that declares it × the pages of the kind it
//! names (megatrends × strategic directions), as the plan's matrix shows
//! directions × initiatives, on the overview pages of both kinds.

use serde::Serialize;

use crate::model::{FieldId, KindId, PageId, Value};
use crate::render::plan::overviews::{Matrix, MatrixWords};
use crate::render::view::Views;
use crate::schema::Field;

/// One reference field's traceability.
#[derive(Serialize)]
pub(crate) struct Trace {
    /// `Megatrends × Strategiske retninger`, with the field's label when
    /// the kind has several fields naming that kind.
    title: String,
    /// The id of its heading (`sd-trace-megatrend-drives`).
    id: String,
    matrix: Matrix,
}

impl Views<'_> {
    /// The traceability of each reference field no role shows between
    /// `kind` and another kind, declared on either (a relation is shown
    /// at both its ends), when both have pages.
    pub(crate) fn traces(&self, kind: KindId) -> Vec<Trace> {
        let publication = self.publication;
        let schema = &publication.schema;
        let fields: Vec<(FieldId, &Field, KindId)> = schema
            .kinds()
            .flat_map(|(from, _)| schema.fields(from))
            .filter(|(_, f)| !f.role)
            .filter_map(|(field, f)| Some((field, f, f.ty.target()?)))
            .filter(|&(field, _, to)| field.kind != to && (field.kind == kind || to == kind))
            .collect();
        let has_pages = |k: KindId| !publication.ids_of(k).is_empty();
        let traced = fields.iter().filter(|(field, _, to)| has_pages(field.kind) && has_pages(*to));
        traced
            .map(|&(field, declared, to)| {
                let several = fields.iter().filter(|(f, _, t)| f.kind == field.kind && *t == to);
                self.trace(field, declared, to, several.count() > 1)
            })
            .collect()
    }

    /// The traceability of `field` (declared as `declared`) to kind `to`,
    /// its title with the field's label when its kind has `several`
    /// fields naming that kind.
    fn trace(&self, field: FieldId, declared: &Field, to: KindId, several: bool) -> Trace {
        let publication = self.publication;
        let (from, language) = (field.kind, self.config.language);
        let mut title = format!("{} × {}", self.section_title(from), self.section_title(to));
        if several {
            title = format!("{title} ({})", declared.label(language));
        }
        let rows: Vec<(PageId, usize)> =
            publication.ids_of(from).iter().map(|&id| (id, 0)).collect();
        let names = |id: PageId| match publication[id].value(field) {
            Some(Value::Refs(refs)) => refs.iter().map(|r| r.page).collect(),
            _ => Vec::new(),
        };
        let words = MatrixWords {
            corner: publication.schema.kind(from).singular(language).to_owned(),
            mark: declared.label(language).to_owned(),
            empty: None,
        };
        let named_by = |c: PageId| publication.relations.backlinks(field, c);
        let matrix = self.grid(&rows, publication.ids_of(to), names, named_by, words);
        let id = format!("sd-trace-{}-{}", publication.schema.kind(from).id, declared.name);
        Trace { title, id, matrix }
    }
}
