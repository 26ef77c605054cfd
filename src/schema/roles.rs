//! What only some kinds do, as flags on the kind: the front page, chapters
//! read in order, the plan and what it serves, charts of data, plain pages.
//! A role that reads fields names them here, with their types, so a kind
//! that takes the role without them is refused where it is declared.

/// What a kind does besides being pages with fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// The front page (`index.html`): one page, no overview, the first part
    /// of the board edition, the site's description.
    Front,
    /// Chapters read in order, with previous/next links; the first one is
    /// the introduction on the front page.
    Sequence,
    /// What the plan serves: each page lists the plan's items serving it,
    /// their budgets summed (the strategic directions).
    Served,
    /// The action plan: dated, owned items with statuses, budgets, KPIs and
    /// milestones, and the plan views (roadmap, traceability, …).
    Plan,
    /// Pages that chart a data file.
    Charts,
    /// Plain pages: anywhere no other kind claims, known by their path,
    /// titled by their first heading when they have no `title:`.
    Plain,
}

/// What a role needs a field to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Need {
    /// Exactly this type (by its name).
    Type(&'static str),
    /// An enum with exactly these values, in this order.
    Enum(&'static [&'static str]),
    /// A reference (`ref`) to the kind itself.
    RefToSelf,
    /// References (`refs`) to the kind itself.
    RefsToSelf,
    /// References (`refs`) to the kind with this role.
    RefsTo(Role),
    /// A list of text.
    Texts,
}

/// The plan's statuses, in life-cycle order.
pub(crate) const STATUSES: [&str; 5] = ["planned", "active", "done", "paused", "cancelled"];
/// The plan's priorities.
pub(crate) const PRIORITIES: [&str; 3] = ["high", "medium", "low"];

const PLAN: [(&str, Need); 14] = [
    ("directions", Need::RefsTo(Role::Served)),
    ("parent", Need::RefToSelf),
    ("owner", Need::Type("owners")),
    ("owner_from", Need::Type("handovers")),
    ("start", Need::Type("time")),
    ("end", Need::Type("time")),
    ("deadline", Need::Type("time")),
    ("status", Need::Enum(&STATUSES)),
    ("priority", Need::Enum(&PRIORITIES)),
    ("budget", Need::Type("budget")),
    ("kpis", Need::Type("kpis")),
    ("depends_on", Need::RefsToSelf),
    ("external_dependencies", Need::Texts),
    ("milestones", Need::Type("milestones")),
];

/// An initiative's health, from good to bad.
pub(crate) const HEALTHS: [&str; 3] = ["on-track", "at-risk", "off-track"];

/// Fields the plan reads when a kind declares them; each is still shown
/// and exported as a field of its own.
const PLAN_MAY: [(&str, Need); 2] =
    [("health", Need::Enum(&HEALTHS)), ("health_note", Need::Type("text"))];

const CHARTS: [(&str, Need); 2] = [("data", Need::Type("data")), ("charts", Need::Type("charts"))];

impl Role {
    /// Every role with its name in a declaration's `roles:`.
    pub const ALL: [(&'static str, Role); 6] = [
        ("front", Role::Front),
        ("sequence", Role::Sequence),
        ("served", Role::Served),
        ("plan", Role::Plan),
        ("charts", Role::Charts),
        ("plain", Role::Plain),
    ];

    /// Its name in `roles:`.
    #[must_use]
    pub fn name(self) -> &'static str {
        Role::ALL.iter().find(|(_, r)| *r == self).map_or("", |(name, _)| name)
    }

    /// The fields a kind with this role must declare, by name.
    pub(super) fn needs(self) -> &'static [(&'static str, Need)] {
        match self {
            Role::Plan => &PLAN,
            Role::Charts => &CHARTS,
            Role::Front | Role::Sequence | Role::Served | Role::Plain => &[],
        }
    }
}

impl Role {
    /// The fields this role reads when the kind declares them, by name:
    /// left out, the role does without; declared, they must fit.
    pub(super) fn may_read(self) -> &'static [(&'static str, Need)] {
        match self {
            Role::Plan => &PLAN_MAY,
            _ => &[],
        }
    }
}

impl Need {
    /// What it asks for, for a message: "`refs` to the `served` kind".
    pub(super) fn describe(self) -> String {
        match self {
            Need::Type(name) => format!("of type `{name}`"),
            Need::Enum(values) => format!("an `enum` of {}", values.join(", ")),
            Need::RefToSelf => "a `ref` to the kind itself".to_owned(),
            Need::RefsToSelf => "`refs` to the kind itself".to_owned(),
            Need::RefsTo(role) => format!("`refs` to the kind with the role `{}`", role.name()),
            Need::Texts => "a `list` of `text`".to_owned(),
        }
    }
}
