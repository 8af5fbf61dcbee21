/// The last day an account works. Someone outside the partnership (another council's moderator) gets an account only
/// for their work with it: the day must be set, today or later and within a year, so an account no one remembered to
/// disable still ends ("external moderators get accounts that expire"). Anyone else's may have one too, or not.
public enum AccountEnd {
    /// The longest an external account may last from the day it is set.
    public static let longest = 12

    /// The day typed (`yyyy-mm-dd`, empty for none), or the problem with it in words for the form.
    public static func read(_ typed: String, role: Role, today: ISODay) -> Result<ISODay?, Problem> {
        let text = typed.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return role.requiresAccountEnd ? .failure(.required) : .success(nil) }
        guard let day = ISODay(text) else { return .failure(.notADate) }
        if day < today { return .failure(.past) }
        if role.requiresAccountEnd && day > today.adding(months: longest) { return .failure(.tooFar) }
        return .success(day)
    }

    /// Whether an account whose last day is `last` has ended by `today`: it works to the end of its last day.
    public static func hasEnded(_ last: ISODay?, today: ISODay) -> Bool { last.map { $0 < today } ?? false }

    public enum Problem: Error, Equatable, Sendable {
        case required, notADate, past, tooFar

        public var message: String {
            switch self {
            case .required: "Enter the last day this account works: an external moderator's account must end."
            case .notADate: "Enter the last day the account works as a date, for example 2027-03-31."
            case .past: "The last day the account works must be today or later."
            case .tooFar: "An external moderator's account can last at most \(AccountEnd.longest) months: choose an earlier day."
            }
        }
    }
}
