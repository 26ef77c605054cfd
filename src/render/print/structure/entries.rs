//! The plain pages `print:` names: by id, or a section by its folder.

use crate::config::{Print, PrintPart, print_part_names};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::model::{KindId, PageId, Publication};
use crate::schema::Role;

/// The plain page (of kind `plain`) `print:` names by `id`: its id, or
/// for a section its folder (`scenarier` for `scenarier/index.md`), as
/// writers think of it.
pub(super) fn find(publication: &Publication, plain: KindId, id: &str) -> Option<PageId> {
    publication.find(plain, id).or_else(|| {
        ["index.md", "_index.md"]
            .iter()
            .filter_map(|name| publication.by_path(&format!("{id}/{name}")))
            .find(|&page| publication[page].kind == plain)
    })
}

/// Reports every plain page `print:` names that is not in the build, at its
/// place in `stratdoc.yaml`. A draft left out by the build is no error.
pub(crate) fn check(print: &Print, publication: &Publication, diags: &mut Diagnostics) {
    let schema = &publication.schema;
    let Some(plain) = schema.with_role(Role::Plain) else { return };
    for part in print.parts.iter().chain(&print.appendix) {
        let PrintPart::Page(entry) = part else { continue };
        let found = find(publication, plain, &entry.id);
        if found.is_some() || publication.left_out_id(plain, &entry.id).is_some() {
            continue;
        }
        let mut candidates: Vec<&str> = print_part_names(schema).collect();
        candidates.extend(publication.of_kind(plain).map(|(_, p)| p.id.as_str()));
        let help = match did_you_mean(&entry.id, candidates) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!(
                "name a part ({}), the id of a plain page (its path under `content/` without `.md`) or a section's folder",
                print_part_names(schema).collect::<Vec<_>>().join(", ")
            ),
        };
        diags.push(
            Diagnostic::error(
                entry.span.clone(),
                format!("`{}` is neither a part of the board edition nor a plain page", entry.id),
            )
            .code(Code::PrintEntry)
            .help(help),
        );
    }
}
