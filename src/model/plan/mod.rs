//! The action plan's typed view of the pages of the kind with the `plan`
//! role: each item's status, times, owners, budget, KPIs and milestones,
//! read once from the page's values by field ids resolved once from the
//! schema ([`PlanFields`]), so the plan views, the timeline checks, the
//! roadmap, the exports and the board edition read typed facts, never
//! field names. Also the plan's sums and groupings, computed once.
//!
//! - `derive`: the values into [`Initiative`]s, sums and groupings;
//! - `checks`: what one item's own facts must agree on (read time).

mod access;
mod checks;
mod derive;

use std::collections::BTreeMap;

pub(crate) use checks::check_page;

use crate::calendar::{Quarter, When};
use crate::diagnostics::Span;
use crate::model::{Budget, Handover, Kpi, Milestone, PageId, PageRef};
use crate::schema::{FieldId, KindId, Role, Schema};

/// The plan's fields, resolved once from the schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanFields {
    /// The kind with the `plan` role.
    pub kind: KindId,
    /// The kind it serves (the `served` role).
    pub served: KindId,
    /// `directions`: what each item serves.
    pub directions: FieldId,
    /// `parent`: the item it is part of.
    pub parent: FieldId,
    /// `owner`.
    pub owner: FieldId,
    /// `owner_from`: hand-overs.
    pub owner_from: FieldId,
    /// `start`.
    pub start: FieldId,
    /// `end`.
    pub end: FieldId,
    /// `deadline`.
    pub deadline: FieldId,
    /// `status`.
    pub status: FieldId,
    /// `priority`.
    pub priority: FieldId,
    /// `budget`.
    pub budget: FieldId,
    /// `kpis`.
    pub kpis: FieldId,
    /// `depends_on`.
    pub depends_on: FieldId,
    /// `external_dependencies`.
    pub external_dependencies: FieldId,
    /// `milestones`.
    pub milestones: FieldId,
    /// `health`, when the kind declares it.
    pub health: Option<FieldId>,
    /// `health_note`, when the kind declares it.
    pub health_note: Option<FieldId>,
}

impl PlanFields {
    /// The plan's fields in `schema`; `None` when no kind has the `plan`
    /// role (the schema's parser refuses a plan kind without its fields).
    #[must_use]
    pub fn of(schema: &Schema) -> Option<PlanFields> {
        let kind = schema.with_role(Role::Plan)?;
        let f = |name: &str| schema.field_id(kind, name);
        Some(PlanFields {
            kind,
            served: schema.with_role(Role::Served)?,
            directions: f("directions")?,
            parent: f("parent")?,
            owner: f("owner")?,
            owner_from: f("owner_from")?,
            start: f("start")?,
            end: f("end")?,
            deadline: f("deadline")?,
            status: f("status")?,
            priority: f("priority")?,
            budget: f("budget")?,
            kpis: f("kpis")?,
            depends_on: f("depends_on")?,
            external_dependencies: f("external_dependencies")?,
            milestones: f("milestones")?,
            health: f("health"),
            health_note: f("health_note"),
        })
    }
}

/// The action-plan facts of an initiative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Initiative {
    /// Directions it serves (at least one; a sub-initiative may take its parent's).
    pub directions: Vec<PageRef>,
    /// The initiative it is part of.
    pub parent: Option<PageRef>,
    /// Who is responsible: one or more (joint responsibility).
    pub owners: Vec<String>,
    /// Hand-overs: who is responsible from when, in order.
    pub handovers: Vec<Handover>,
    /// When it starts.
    pub start: Option<When>,
    /// When it ends.
    pub end: Option<When>,
    /// When it must be done at the latest.
    pub deadline: Option<When>,
    /// Life-cycle status.
    pub status: Status,
    /// Priority, if set.
    pub priority: Option<Priority>,
    /// Money set aside for it.
    pub budget: Option<Budget>,
    /// Indicators.
    pub kpis: Vec<Kpi>,
    /// Initiatives that must come first.
    pub depends_on: Vec<PageRef>,
    /// What it needs from outside the plan (national infrastructure, law).
    pub external_dependencies: Vec<String>,
    /// Dated steps.
    pub milestones: Vec<Milestone>,
    /// Where `status`, `start` and `end` are written, for the checks of the
    /// plan against its "now".
    pub spans: FactSpans,
}

/// Where an initiative's dated facts are written (the frontmatter's start
/// when a field is absent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactSpans {
    /// `status:`; `None` when what is written there is not a status (the
    /// default stands in, unchecked).
    pub status: Option<Span>,
    /// `start:`.
    pub start: Span,
    /// `end:`.
    pub end: Span,
}

impl Initiative {
    /// Everyone who is or will be responsible, in order of appearance.
    pub fn all_owners(&self) -> impl Iterator<Item = &str> {
        self.owners.iter().chain(self.handovers.iter().flat_map(|h| &h.owners)).map(String::as_str)
    }
}

/// Where an initiative is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not started.
    Planned,
    /// Under way.
    Active,
    /// Finished.
    Done,
    /// Stopped for now.
    Paused,
    /// Stopped for good.
    Cancelled,
}

impl Status {
    /// Every status, in life-cycle order, with its name in frontmatter.
    pub const ALL: [(&'static str, Status); 5] = [
        ("planned", Status::Planned),
        ("active", Status::Active),
        ("done", Status::Done),
        ("paused", Status::Paused),
        ("cancelled", Status::Cancelled),
    ];
}

/// How an initiative is doing, as its owner reports it (`health:`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Health {
    /// As planned.
    OnTrack,
    /// Likely to slip without action.
    AtRisk,
    /// Will not reach its goals as planned.
    OffTrack,
}

impl Health {
    /// Every health, in the order of the `health` field's values.
    pub const ALL: [Health; 3] = [Health::OnTrack, Health::AtRisk, Health::OffTrack];
}

/// How much an initiative matters relative to the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// First.
    High,
    /// Normal.
    Medium,
    /// When there is room.
    Low,
}

impl Status {
    /// The status of an enum value's index in the `status` field, whose
    /// values are these in this order (the schema's parser sees to it).
    fn of(index: usize) -> Status {
        Status::ALL.get(index).map_or(Status::Planned, |(_, s)| *s)
    }
}

impl Priority {
    /// Every priority, in the order of the `priority` field's values.
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];
}

/// What the action plan does in one quarter.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct QuarterPlan {
    /// Initiatives starting in it.
    pub starts: Vec<PageId>,
    /// Initiatives ending in it.
    pub ends: Vec<PageId>,
    /// Milestones falling in it: the initiative and the milestone's index.
    pub milestones: Vec<(PageId, usize)>,
}

/// The action plan: an [`Initiative`] per page of the plan's kind, with
/// the sums and groupings every output shows.
#[derive(Debug, Default)]
pub struct Plan {
    fields: Option<PlanFields>,
    /// Each page's facts, by page index (`None` for other kinds).
    items: Vec<Option<Initiative>>,
    /// Budgets summed per page served, in hundredths (by page index).
    budgets: Vec<i64>,
    /// All budgets summed, in hundredths, and how many initiatives have one.
    total_budget: (i64, usize),
    /// Initiatives by owner (joint owners and later owners too), owners sorted.
    owners: BTreeMap<String, Vec<PageId>>,
    /// Initiatives by status, in life-cycle order.
    statuses: BTreeMap<Status, Vec<PageId>>,
    /// What happens in each quarter that anything happens in.
    quarters: BTreeMap<Quarter, QuarterPlan>,
}

impl Plan {
    /// Its fields, when the schema has a plan.
    #[must_use]
    pub fn fields(&self) -> Option<&PlanFields> {
        self.fields.as_ref()
    }

    /// The facts of page `id`, if it is an item of the plan.
    #[must_use]
    pub fn get(&self, id: PageId) -> Option<&Initiative> {
        self.items.get(id.index())?.as_ref()
    }

    /// The budgets of the initiatives serving `direction`, summed, in hundredths.
    #[must_use]
    pub fn budget_of(&self, direction: PageId) -> i64 {
        self.budgets.get(direction.index()).copied().unwrap_or(0)
    }

    /// Every initiative's budget summed, in hundredths, and how many have one.
    #[must_use]
    pub fn total_budget(&self) -> (i64, usize) {
        self.total_budget
    }

    /// Owners (sorted) with their initiatives in reading order.
    pub fn by_owner(&self) -> impl Iterator<Item = (&str, &[PageId])> {
        self.owners.iter().map(|(owner, ids)| (owner.as_str(), ids.as_slice()))
    }

    /// Statuses in life-cycle order with their initiatives; statuses no
    /// initiative has are left out.
    pub fn by_status(&self) -> impl Iterator<Item = (Status, &[PageId])> {
        self.statuses.iter().map(|(status, ids)| (*status, ids.as_slice()))
    }

    /// Quarters in order with what starts, ends and falls due in them.
    pub fn by_quarter(&self) -> impl Iterator<Item = (Quarter, &QuarterPlan)> {
        self.quarters.iter().map(|(q, plan)| (*q, plan))
    }
}

/// A time with where it is written.
type Dated = Option<(When, Span)>;
