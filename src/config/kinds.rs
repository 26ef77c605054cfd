//! `kinds:` and `extend:`: a project's own kinds of page, and fields added
//! to the built-in ones, declared in the form `src/schema/builtin.yaml`
//! declares the built-in kinds and read by the same `schema::declare`, so
//! a mistake in a declaration is an error at its line in `stratdoc.yaml`:
//!
//! ```yaml
//! kinds:
//!   megatrend:
//!     folder: megatrends
//!     label: {da: Megatrend, en: Megatrend}
//!     fields:
//!       horizon: {type: integer, required: true}
//! extend:
//!   direction:
//!     informed_by: {type: refs, kind: scenario}
//! ```

use std::sync::Arc;

use crate::diagnostics::{Code, Diagnostic};
use crate::fields::Reader;
use crate::frontmatter::{Field, Value};
use crate::schema::{self, Schema};

/// The built-in kinds with the project's own and their extra fields;
/// `None` when the project declares none.
pub(super) fn read(r: &mut Reader<'_>) -> Option<Arc<Schema>> {
    let kinds = entries(r, "kinds", "one `id: {folder, label, fields}` entry per kind");
    let extend = entries(r, "extend", "a built-in kind's id with its new `fields`");
    if kinds.is_empty() && extend.is_empty() {
        return None;
    }
    let mut schema = schema::declare(&Schema::builtin(), kinds, r.diags);
    schema::extend(&mut schema, extend, r.diags);
    Some(Arc::new(schema))
}

/// The entries of the mapping `key`, none when it is left out or is not a
/// mapping (an error, with what to write under it).
fn entries<'a>(r: &mut Reader<'a>, key: &'a str, what: &str) -> &'a [Field] {
    let Some(node) = r.node(key) else { return &[] };
    if let Value::Map(entries) = &node.value {
        return entries;
    }
    r.diags.push(
        Diagnostic::error(
            node.span.clone(),
            format!("`{key}` must be a mapping, not {}", node.value.describe()),
        )
        .code(Code::WrongType)
        .help(format!("write {what} under `{key}:`")),
    );
    &[]
}
