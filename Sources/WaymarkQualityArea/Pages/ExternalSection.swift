import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// The triple lock's part of a case audit's page for council staff: where external moderation stands, a QA lead
/// choosing the external moderator, or deciding the grades they differed on.
public enum ExternalSection {
    public enum Part: Sendable {
        case status([String])
        /// Where it stands, and the external moderators a QA lead may choose (with the one assigned now).
        case assign([String], choices: [Form.Choice], chosen: String?)
        /// The grades the external moderator differed on from those standing, to decide.
        case adjudicate([ModerationSection.Disputed], Adjudication, FormErrors)
    }

    static func render(_ part: Part, instrument: AuditInstrument, auditID: String, context: PageContext) -> Node<HTML.BodyContext> {
        let heading = Node<HTML.BodyContext>.h2(.id("external-moderation"), .text("External moderation (triple lock)"))
        switch part {
        case .status(let lines):
            return .section(.attribute(named: "aria-labelledby", value: "external-moderation"), heading, .forEach(lines) { .p(.text($0)) })
        case .assign(let lines, let choices, let chosen):
            return .section(
                .attribute(named: "aria-labelledby", value: "external-moderation"), heading, .forEach(lines) { .p(.text($0)) },
                choices.isEmpty
                    ? .p(.text("There is no active external moderator account. A Waymark administrator adds one (role: external moderator)."))
                    : Form.post(
                        to: .quality(.assignExternal(auditID: auditID)), csrfToken: context.csrfToken,
                        Form.select("moderator", label: "External moderator", choices: choices, selected: chosen ?? "", errors: FormErrors()),
                        Form.submit(chosen == nil ? "Assign" : "Change the external moderator")))
        case .adjudicate(let disputed, let typed, let errors):
            return ModerationSection.decision(
                disputed, typed, errors, id: "external-moderation", heading: "Decide the grades after external moderation",
                intro: "The external moderator differed on these grades. Decide each; a grade other than the one standing needs its reason.",
                standing: "Standing", theirs: "External moderator", to: .quality(.externalAdjudication(auditID: auditID)), instrument: instrument,
                context: context)
        }
    }
}
