//! The checks across kinds, once every declaration is read: one kind per
//! folder, file, part and role, and each role's fields present with the
//! type it reads (marked, so the role's fields are known as the role's).

use super::Written;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Span};
use crate::schema::roles::Need;
use crate::schema::{Home, KindId, Role, Schema, Type};

/// The checks across kinds: one kind per folder, file, part and role, and
/// the fields each role reads.
pub(super) fn across(schema: &mut Schema, written: &[Written], diags: &mut Diagnostics) {
    let kinds = &schema.kinds;
    for (i, kind) in kinds.iter().enumerate() {
        let Some(key) = &written[i].key else { continue };
        let others = || kinds[..i].iter().chain(&kinds[i + 1..]);
        // Two declared kinds that clash are told once, at the later one; a
        // built-in kind is never told (its declaration is stratdoc's).
        let told = |j: usize| j < i || written[j].key.is_none();
        let before = || kinds.iter().enumerate().filter(move |&(j, _)| j != i && told(j));
        let earlier = || before().map(|(_, k)| k);
        let at = |span: &Option<Span>| span.clone().unwrap_or_else(|| key.clone());
        let shared = earlier().find(|o| o.home == kind.home && o.home != Home::Anywhere);
        if let Some(other) = shared {
            diags.push(
                Diagnostic::error(
                    at(&written[i].folder),
                    format!(
                        "`{}` and `{}` would both live in `content/{}`",
                        kind.id,
                        other.id,
                        place(&kind.home)
                    ),
                )
                .code(Code::InvalidSetting)
                .help("give each kind a folder of its own".to_owned()),
            );
        }
        // A part named after a shared folder is the same mistake, told once.
        let part = earlier().find(|o| o.part == kind.part).filter(|_| shared.is_none());
        if let Some(other) = part {
            diags.push(
                Diagnostic::error(
                    at(&written[i].part),
                    format!(
                        "`{}` and `{}` would both be the board edition's part `{}`",
                        kind.id, other.id, kind.part
                    ),
                )
                .code(Code::InvalidSetting)
                .help("give the kind a `part:` name of its own".to_owned()),
            );
        }
        for (role, span) in &written[i].roles {
            if let Some(other) = others().find(|o| o.has(*role)) {
                diags.push(
                    Diagnostic::error(
                        span.clone(),
                        format!("`{}` has the role `{}` already", other.id, role.name()),
                    )
                    .code(Code::InvalidSetting)
                    .help("a role belongs to one kind".to_owned()),
                );
            }
        }
    }
    for (i, written) in written.iter().enumerate() {
        for (role, span) in &written.roles {
            role_fields(schema, i, *role, span, diags);
        }
    }
}

fn place(home: &Home) -> &str {
    match home {
        Home::Folder(name) | Home::File(name) => name,
        Home::Anywhere => "",
    }
}

/// Marks the fields `role` reads on kind `i`, and reports each it needs
/// that the kind lacks or declares otherwise, at the role.
fn role_fields(schema: &mut Schema, i: usize, role: Role, span: &Span, diags: &mut Diagnostics) {
    for &(name, need) in role.needs() {
        let kind = &schema.kinds[i];
        let found = kind.field_index(name);
        let fits = found.is_some_and(|f| fits(schema, &kind.fields[f].ty, need, KindId::new(i)));
        if let (Some(f), true) = (found, fits) {
            schema.kinds[i].fields[f].role = true;
            continue;
        }
        diags.push(
            Diagnostic::error(
                span.clone(),
                format!("the role `{}` needs a field `{name}`, {}", role.name(), need.describe()),
            )
            .code(Code::InvalidSetting)
            .help(format!("declare it under `fields:` of `{}`", kind.id)),
        );
    }
    for &(name, need) in role.may_read() {
        let kind = &schema.kinds[i];
        let Some(f) = kind.field_index(name) else { continue };
        if !fits(schema, &kind.fields[f].ty, need, KindId::new(i)) {
            diags.push(
                Diagnostic::error(
                    span.clone(),
                    format!(
                        "the role `{}` reads a field `{name}` {}",
                        role.name(),
                        need.describe()
                    ),
                )
                .code(Code::InvalidSetting)
                .help(format!("declare `{name}` so, or name the field otherwise")),
            );
        }
    }
}

/// Whether a field of type `ty` on kind `me` is what `need` asks for.
fn fits(schema: &Schema, ty: &Type, need: Need, me: KindId) -> bool {
    match (need, ty) {
        (Need::Type(name), ty) => ty.name() == name,
        (Need::Enum(values), Type::Enum(choices)) => {
            choices.iter().map(|c| c.name.as_str()).eq(values.iter().copied())
        }
        (Need::RefToSelf, Type::Ref(kind)) | (Need::RefsToSelf, Type::Refs(kind)) => *kind == me,
        (Need::RefsTo(role), Type::Refs(kind)) => schema.with_role(role) == Some(*kind),
        (Need::Texts, Type::List(of)) => **of == Type::Text,
        _ => false,
    }
}
