//! The content model as data: which kinds of page a strategy is made of,
//! where each lives, what it is called, which fields it has and what only
//! it does. Every stage reads this one [`Schema`] instead of matching kind
//! names: reading and validation (`model::read`), references and their
//! backlinks (`model::relations`), navigation, overviews, the board
//! edition's parts and the exports.
//!
//! The six built-in kinds are declared in `builtin.yaml`, embedded in the
//! binary, in the same form a project's `stratdoc.yaml` declares its own
//! under `kinds:`, and read by the same [`declare`] (with located
//! diagnostics for mistakes in the declarations):
//!
//! ```yaml
//! direction:
//!   folder: directions
//!   label: {da: Strategisk retning, en: Strategic direction}
//!   plural: {da: Strategiske retninger, en: Strategic directions}
//!   roles: [served]
//!   fields:
//!     horizon: {type: integer, required: true}
//! ```
//!
//! What only some kinds do is a [`Role`] on the kind (`front`, `sequence`,
//! `served`, `plan`, `charts`, `plain`), never code that knows a kind's name.
//!
//! - `parse`: declarations into a schema;
//! - `roles`: the roles and the fields each needs;
//! - `types`: field types and the defaults a declaration may give.

mod parse;
mod roles;
mod types;

use std::sync::{Arc, LazyLock};

pub use parse::{declare, extend};
pub use roles::Role;
pub use types::{Choice, Scalar, Type};

use crate::config::Language;
use crate::diagnostics::{Diagnostics, Sources};

/// The fields every page has, whatever its kind; read by `model::read`
/// itself. No kind may declare a field of these names.
pub const COMMON_FIELDS: [&str; 8] =
    ["title", "summary", "order", "draft", "kind", "id", "number", "sources"];

/// The declarations of the built-in kinds.
const BUILTIN: &str = include_str!("builtin.yaml");

/// Every kind a strategy may have, in reading order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schema {
    kinds: Vec<Kind>,
}

/// A kind, by its place in the [`Schema`] (its place in reading order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KindId(u16);

impl KindId {
    /// Its index in [`Schema::kinds`].
    #[must_use]
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    fn new(index: usize) -> KindId {
        // A schema is read from a few dozen lines of YAML, never 65,536 kinds.
        KindId(u16::try_from(index).unwrap_or(u16::MAX))
    }
}

/// A field of a kind: resolved once from its name, then used to read the
/// field's value from any page of that kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldId {
    /// The kind that declares it.
    pub kind: KindId,
    index: u16,
}

impl FieldId {
    /// Its index among its kind's fields (and in a page's values).
    #[must_use]
    pub fn index(self) -> usize {
        usize::from(self.index)
    }
}

/// One kind of page.
#[derive(Clone, Debug, PartialEq)]
pub struct Kind {
    /// Its id, as `kind:` names it (`direction`).
    pub id: String,
    /// Where its pages live.
    pub home: Home,
    /// Its name, one of them.
    pub label: Words,
    /// Its name, several; the label when the kind has no plural
    /// (`Fortælling`).
    pub plural: Option<Words>,
    /// The title of its section (navigation, overview, the board edition's
    /// part) when it is not the plural (`Handlingsplan` for initiatives).
    pub section: Option<Words>,
    /// What it does besides being pages with fields.
    pub roles: Vec<Role>,
    /// The theme's template its pages are rendered with.
    pub template: String,
    /// The name of its part of the board edition in `print:` (`action_plan`).
    pub part: String,
    /// Whether its part is an appendix of the board edition by default.
    pub appendix: bool,
    /// The field (a time or date) its pages are ordered by after `number`
    /// and `order`: dated first, earliest first.
    pub sort_by: Option<usize>,
    /// Its fields, in the order they are read and shown.
    pub fields: Vec<Field>,
}

/// Where a kind's pages live under `content/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Home {
    /// Every page under a top folder (`directions`), which is also the
    /// folder of the kind's overview page.
    Folder(String),
    /// One file at the top (`purpose.md`).
    File(String),
    /// Anywhere no other kind claims.
    Anywhere,
}

/// A word in each language of the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    /// Danish.
    pub da: String,
    /// English.
    pub en: String,
}

impl Words {
    /// The word in `language`.
    #[must_use]
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Da => &self.da,
            Language::En => &self.en,
        }
    }

    fn set(&mut self, language: Language, word: &str) {
        match language {
            Language::Da => word.clone_into(&mut self.da),
            Language::En => word.clone_into(&mut self.en),
        }
    }
}

/// One field of a kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Its key in the frontmatter.
    pub name: String,
    /// What it holds.
    pub ty: Type,
    /// Whether a page must give it.
    pub required: bool,
    /// Its value when a page does not give it.
    pub default: Option<Scalar>,
    /// Its name in the facts box, else its key.
    pub label: Option<Words>,
    /// For a reference: the name of the pages that name a page in it, in
    /// the named page's facts box (`Informed`), else their kind's plural.
    pub backlink: Option<Words>,
    /// What "missing required field" suggests writing.
    pub example: Option<String>,
    /// For a reference to the field's own kind: a page may not, through
    /// others, reach itself (`depends_on`, `parent`).
    pub acyclic: bool,
    /// A field of this kind (a `ref` to it): a page that names one and
    /// leaves this field out takes the value of the page it names.
    pub inherit: Option<usize>,
    /// Whether a role of the kind reads it (the plan's `status`, the
    /// analysis' `charts`): such a field is shown and exported by that role,
    /// every other field generically.
    pub role: bool,
}

impl Field {
    /// Its label in `language`: the declared one, else its key.
    #[must_use]
    pub fn label(&self, language: Language) -> &str {
        self.label.as_ref().map_or(&self.name, |words| words.get(language))
    }
}

impl Kind {
    /// Whether it has `role`.
    #[must_use]
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Its name in `language`.
    #[must_use]
    pub fn singular(&self, language: Language) -> &str {
        self.label.get(language)
    }

    /// Its name for several in `language`.
    #[must_use]
    pub fn plural(&self, language: Language) -> &str {
        self.plural.as_ref().unwrap_or(&self.label).get(language)
    }

    /// The title of its section in `language`.
    #[must_use]
    pub fn section_title(&self, language: Language) -> &str {
        self.section.as_ref().map_or_else(|| self.plural(language), |words| words.get(language))
    }

    /// The folder of its pages and its overview page, if it has one.
    #[must_use]
    pub fn folder(&self) -> Option<&str> {
        match &self.home {
            Home::Folder(folder) => Some(folder),
            Home::File(_) | Home::Anywhere => None,
        }
    }

    /// The URL of its overview page (`directions/index.html`), if it has one.
    #[must_use]
    pub fn overview_url(&self) -> Option<String> {
        self.folder().map(|folder| format!("{folder}/index.html"))
    }

    /// The board edition's anchor of its part (`part-action-plan`).
    #[must_use]
    pub fn part_anchor(&self) -> String {
        format!("part-{}", self.part.replace('_', "-"))
    }

    /// The index of its field `name`.
    #[must_use]
    pub fn field_index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }
}

/// The built-in schema, read once.
static BUILT_IN: LazyLock<Arc<Schema>> = LazyLock::new(|| {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    // A mistake here is stratdoc's, caught by its tests; the schema is then
    // what could be read, never a panic.
    Arc::new(parse::builtin(&mut sources, BUILTIN, &mut diags))
});

impl Schema {
    /// The six built-in kinds: purpose, narrative, direction, initiative,
    /// analysis and page.
    #[must_use]
    pub fn builtin() -> Arc<Schema> {
        Arc::clone(&BUILT_IN)
    }

    /// Every kind with its id, in reading order.
    #[must_use]
    pub fn kinds(&self) -> impl ExactSizeIterator<Item = (KindId, &Kind)> {
        self.kinds.iter().enumerate().map(|(i, k)| (KindId::new(i), k))
    }

    /// How many kinds there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The kind behind `id`.
    ///
    /// # Panics
    /// With an id from another schema.
    #[must_use]
    pub fn kind(&self, id: KindId) -> &Kind {
        &self.kinds[id.index()]
    }

    /// The field behind `id`.
    ///
    /// # Panics
    /// With an id from another schema.
    #[must_use]
    pub fn field(&self, id: FieldId) -> &Field {
        &self.kind(id.kind).fields[id.index()]
    }

    /// The kind with id `name`.
    #[must_use]
    pub fn find(&self, name: &str) -> Option<KindId> {
        self.kinds.iter().position(|k| k.id == name).map(KindId::new)
    }

    /// The field `name` of `kind`.
    #[must_use]
    pub fn field_id(&self, kind: KindId, name: &str) -> Option<FieldId> {
        let index = self.kinds.get(kind.index())?.field_index(name)?;
        Some(FieldId { kind, index: u16::try_from(index).ok()? })
    }

    /// Every field of `kind` with its id.
    pub fn fields(&self, kind: KindId) -> impl Iterator<Item = (FieldId, &Field)> {
        self.kind(kind)
            .fields
            .iter()
            .enumerate()
            .filter_map(move |(i, f)| Some((FieldId { kind, index: u16::try_from(i).ok()? }, f)))
    }

    /// The kind with `role` (at most one has each).
    #[must_use]
    pub fn with_role(&self, role: Role) -> Option<KindId> {
        self.kinds.iter().position(|k| k.has(role)).map(KindId::new)
    }

    /// Whether `kind` has `role`.
    #[must_use]
    pub fn is(&self, kind: KindId, role: Role) -> bool {
        self.kinds.get(kind.index()).is_some_and(|k| k.has(role))
    }

    /// The kind of the page at `path` (relative to `content/`): the kind of
    /// its file or top folder, else the kind that lives anywhere (every
    /// schema built on the built-in one has one: `page`).
    #[must_use]
    pub fn kind_of_path(&self, path: &str) -> KindId {
        let top = path.split_once('/').map(|(top, _)| top);
        let claims = |kind: &Kind| match &kind.home {
            Home::Folder(folder) => top == Some(folder.as_str()),
            Home::File(file) => path == file,
            Home::Anywhere => false,
        };
        let claimed = self.kinds.iter().position(claims);
        let anywhere = || self.kinds.iter().position(|k| k.home == Home::Anywhere);
        KindId::new(claimed.or_else(anywhere).unwrap_or(self.kinds.len().saturating_sub(1)))
    }

    /// The kind whose overview page is the folder `folder` (`initiatives`).
    #[must_use]
    pub fn kind_of_folder(&self, folder: &str) -> Option<KindId> {
        self.kinds.iter().position(|k| k.folder() == Some(folder)).map(KindId::new)
    }

    /// The kind whose board-edition part is named `part` in `print:`.
    #[must_use]
    pub fn kind_of_part(&self, part: &str) -> Option<KindId> {
        self.kinds.iter().position(|k| k.part == part).map(KindId::new)
    }

    /// Sets the organisation's words for `kind` in `language` (`labels:` in
    /// `stratdoc.yaml`): its name, and its plural where one is given.
    pub fn set_words(
        &mut self,
        kind: KindId,
        language: Language,
        singular: &str,
        plural: Option<&str>,
    ) {
        let Some(kind) = self.kinds.get_mut(kind.index()) else { return };
        kind.label.set(language, singular);
        if let (Some(words), Some(plural)) = (&mut kind.plural, plural) {
            words.set(language, plural);
        }
    }

    /// Sets the title of `kind`'s section in `language` (`labels: plan:`).
    pub fn set_section(&mut self, kind: KindId, language: Language, title: &str) {
        let Some(kind) = self.kinds.get_mut(kind.index()) else { return };
        let words = kind.section.get_or_insert_with(|| kind.label.clone());
        words.set(language, title);
    }
}

#[cfg(test)]
mod tests;
