import Vapor

/// A confirmation shown after a redirect (post, redirect, get). Only the code travels in the address, never data.
package enum Notice: String, CaseIterable {
    case passwordChanged = "password-changed"
    case userSaved = "user-saved"
    case userDisabled = "user-disabled"
    case userEnabled = "user-enabled"
    case organisationAdded = "organisation-added"
    case serviceAreaAdded = "service-area-added"
    case teamAdded = "team-added"
    case actionUpdated = "action-updated"
    case scrutinyRecorded = "scrutiny-recorded"
    case valueSaved = "value-saved"
    case tokenRevoked = "token-revoked"
    case commentarySaved = "commentary-saved"
    case programmeSetUp = "programme-set-up"
    case instrumentDraftStarted = "instrument-draft-started"
    case instrumentDraftSaved = "instrument-draft-saved"
    case instrumentPublished = "instrument-published"
    case instrumentDraftDiscarded = "instrument-draft-discarded"
    case auditSubmitted = "audit-submitted"
    case moderationAgreed = "moderation-agreed"
    case moderationDiffers = "moderation-differs"
    case gradesDecided = "grades-decided"
    case externalAgreed = "external-agreed"
    case externalDiffers = "external-differs"
    case externalAssigned = "external-assigned"
    case replyRecorded = "reply-recorded"
    case replySentToModeration = "reply-sent-to-moderation"
    case learningActionAdded = "learning-action-added"
    case concernRaised = "concern-raised"
    case concernActedOn = "concern-acted-on"
    case learningActionClosed = "learning-action-closed"
    case learningActionVerified = "learning-action-verified"
    case learningActionSentBack = "learning-action-sent-back"
    case supervisionAgreementSetUp = "supervision-agreement-set-up"
    case supervisionSessionRecorded = "supervision-session-recorded"

    package var message: String {
        switch self {
        case .passwordChanged: "Your password has been changed."
        case .userSaved: "The user's details have been saved."
        case .userDisabled: "The account has been disabled and its sessions ended."
        case .userEnabled: "The account has been enabled."
        case .organisationAdded: "The organisation has been added. Partner users can now be placed in it."
        case .serviceAreaAdded: "The service area has been added. Add its teams on the Teams page."
        case .teamAdded: "The team has been added. Users can now be placed in it."
        case .valueSaved: "The value has been saved and the judgements worked out again."
        case .tokenRevoked: "The token has been revoked. The system can no longer send values with it."
        case .scrutinyRecorded: "The scrutiny meeting has been recorded."
        case .commentarySaved: "The commentary has been saved. It is in the report and its PDF for this period."
        case .instrumentDraftStarted: "The draft has been started from the version before it. Change the file below, save it, then publish it."
        case .instrumentDraftSaved: "The draft has been saved. Nobody audits with it until it is published."
        case .instrumentPublished: "The version has been published. New programmes can audit with it; it will never change."
        case .instrumentDraftDiscarded: "The draft has been discarded."
        case .programmeSetUp: "The programme has been set up and its children drawn. Each auditor sees their audits under Your audits."
        case .auditSubmitted: "The audit has been submitted. Its grades can now be changed only in moderation."
        case .moderationAgreed: "Your grades have been submitted. They are the same as the first auditor's, so the grades stand and are locked."
        case .moderationDiffers: "Your grades have been submitted. Some differ from the first auditor's: a QA lead will decide them."
        case .replyRecorded: "Your reply has been recorded on the audit. The auditor and the QA lead can see it."
        case .replySentToModeration: "Your reply has been recorded, and the audit sent to a second auditor, who will grade it again."
        case .concernRaised:
            "The concern has been raised. The child's team manager and head of service see it at the top of their home page, to act on today."
        case .concernActedOn: "What you did has been recorded on the concern."
        case .learningActionAdded: "The learning action has been added. Its owner sees it on their home page until it is done."
        case .learningActionClosed: "The action is closed. The person who added it, or a QA lead, verifies it from your evidence."
        case .learningActionVerified: "The action is verified as done."
        case .learningActionSentBack: "The action has been sent back to its owner, with why."
        case .supervisionAgreementSetUp: "The supervision agreement has been set up. Its supervisor records each session here."
        case .supervisionSessionRecorded: "The session has been recorded. Each child discussed has it on their chronology as management oversight."
        case .gradesDecided: "The final grades have been decided and locked. Every grade given stays in the audit's history."
        case .externalAgreed: "Your grades have been submitted. They are the same as the council's, so its grades stand and are locked."
        case .externalDiffers: "Your grades have been submitted. Where they differ from the council's, a QA lead there will decide."
        case .externalAssigned: "The audit has been sent to the external moderator chosen."
        case .actionUpdated: "Your update has been saved. It is in the action's history and in the next board report."
        }
    }

    /// The query parameter it travels in.
    static let queryName = "notice"

    package static func from(_ req: Request) -> Notice? {
        (try? req.query.get(String.self, at: queryName)).flatMap(Notice.init(rawValue:))
    }
}
