//! The action plan as the outputs ask for it, on [`Publication`]: its items
//! and what they serve, in reading or tree order, and the words of their
//! statuses and priorities in the site's language (the schema's).

use crate::calendar::{Quarter, When};
use crate::config::Language;
use crate::diagnostics::Span;
use crate::model::plan::{Health, Initiative, Priority, Status};
use crate::model::{PageId, Publication, Relations, Value};
use crate::schema::{FieldId, KindId, Type};

impl Publication {
    /// The kind of the plan's items, if the schema has a plan.
    #[must_use]
    pub fn plan_kind(&self) -> Option<KindId> {
        self.plan.fields().map(|f| f.kind)
    }

    /// The kind the plan serves, if the schema has a plan.
    #[must_use]
    pub fn served_kind(&self) -> Option<KindId> {
        self.plan.fields().map(|f| f.served)
    }

    /// The plan's items, in reading order.
    #[must_use]
    pub fn initiative_ids(&self) -> &[PageId] {
        self.plan_kind().map_or(&[], |kind| self.ids_of(kind))
    }

    /// The pages the plan serves, in reading order.
    #[must_use]
    pub fn direction_ids(&self) -> &[PageId] {
        self.served_kind().map_or(&[], |kind| self.ids_of(kind))
    }

    /// The facts of page `id`, if it is an item of the plan.
    #[must_use]
    pub fn initiative(&self, id: PageId) -> Option<&Initiative> {
        self.plan.get(id)
    }

    /// Every item of the plan with its facts, in reading order.
    pub fn initiatives(&self) -> impl Iterator<Item = (PageId, &Initiative)> {
        self.initiative_ids().iter().filter_map(|&id| Some((id, self.plan.get(id)?)))
    }

    fn backlinks(
        &self,
        field: impl Fn(&crate::model::PlanFields) -> FieldId,
        page: PageId,
    ) -> &[PageId] {
        self.plan.fields().map_or(&[], |f| self.relations.backlinks(field(f), page))
    }

    /// The initiatives serving `direction`, in reading order.
    #[must_use]
    pub fn initiatives_of(&self, direction: PageId) -> &[PageId] {
        self.backlinks(|f| f.directions, direction)
    }

    /// The initiatives that depend on `initiative`, in reading order.
    #[must_use]
    pub fn dependents_of(&self, initiative: PageId) -> &[PageId] {
        self.backlinks(|f| f.depends_on, initiative)
    }

    /// The sub-initiatives of `initiative`, in reading order.
    #[must_use]
    pub fn children_of(&self, initiative: PageId) -> &[PageId] {
        self.backlinks(|f| f.parent, initiative)
    }

    /// The initiative `id` is part of, if any.
    #[must_use]
    pub fn parent_of(&self, id: PageId) -> Option<PageId> {
        self.plan.get(id)?.parent.as_ref().map(|p| p.page)
    }

    /// `ids` (initiatives in reading order) in tree order: each
    /// sub-initiative right after its parent when the parent is among
    /// `ids`, with its depth.
    #[must_use]
    pub fn tree_order(&self, ids: &[PageId]) -> Vec<(PageId, usize)> {
        Relations::tree_order(ids, |id| self.parent_of(id), |id| self.children_of(id))
    }

    /// Every time the action plan names (initiatives' starts, ends and
    /// milestones) with where it is written.
    pub fn plan_times(&self) -> impl Iterator<Item = (When, Span)> {
        self.initiatives().flat_map(|(_, i)| {
            let start = i.start.map(|s| (s, i.spans.start.clone()));
            let end = i.end.map(|e| (e, i.spans.end.clone()));
            let milestones = i.milestones.iter().map(|m| (m.quarter, m.at.clone()));
            start.into_iter().chain(end).chain(milestones)
        })
    }

    /// The quarters the plan's times span, from the first to the last.
    #[must_use]
    pub fn plan_span(&self) -> Option<(Quarter, Quarter)> {
        self.plan_times().fold(None, |span, (when, _)| {
            let (first, last) = span.unwrap_or((when.first(), when.last()));
            Some((first.min(when.first()), last.max(when.last())))
        })
    }

    /// The words of `status` in `language`, as the schema gives them.
    #[must_use]
    pub fn status_label(&self, status: Status, language: Language) -> &str {
        let index = Status::ALL.iter().position(|(_, s)| *s == status).unwrap_or(0);
        self.choice_label(self.plan.fields().map(|f| f.status), index, language)
    }

    /// The health of initiative `id`, when its page gives one.
    #[must_use]
    pub fn health(&self, id: PageId) -> Option<Health> {
        let field = self.plan.fields()?.health?;
        match self[id].value(field)? {
            Value::Choice(i) => Health::ALL.get(*i).copied(),
            _ => None,
        }
    }

    /// What initiative `id` says of its health (`health_note:`).
    #[must_use]
    pub fn health_note(&self, id: PageId) -> Option<&str> {
        let field = self.plan.fields()?.health_note?;
        match self[id].value(field)? {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The words and the symbol of `health` in `language`, as the schema
    /// gives them.
    #[must_use]
    pub fn health_label(&self, health: Health, language: Language) -> (&str, &str) {
        let index = Health::ALL.iter().position(|h| *h == health).unwrap_or(0);
        let field = self.plan.fields().and_then(|f| f.health);
        let symbol = match field.map(|f| &self.schema.field(f).ty) {
            Some(Type::Enum(choices)) => choices.get(index).and_then(|c| c.symbol.as_deref()),
            _ => None,
        };
        (self.choice_label(field, index, language), symbol.unwrap_or(""))
    }

    /// The words of `priority` in `language`, as the schema gives them.
    #[must_use]
    pub fn priority_label(&self, priority: Priority, language: Language) -> &str {
        let index = Priority::ALL.iter().position(|p| *p == priority).unwrap_or(0);
        self.choice_label(self.plan.fields().map(|f| f.priority), index, language)
    }

    /// The words of value `index` of the enum `field` in `language`: its
    /// label, else its name.
    #[must_use]
    pub fn choice_label(&self, field: Option<FieldId>, index: usize, language: Language) -> &str {
        let Some(Type::Enum(choices)) = field.map(|f| &self.schema.field(f).ty) else { return "" };
        choices.get(index).map_or("", |c| c.label.as_ref().map_or(&c.name, |l| l.get(language)))
    }
}
