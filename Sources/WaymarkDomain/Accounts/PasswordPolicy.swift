/// Rules for a new password, after the NCSC's password guidance: length over complexity, and never a
/// password that appears on lists of common or breached passwords.
public struct PasswordPolicy: Sendable {
    public static let minimumLength = 12
    public static let maximumLength = 128

    public static let standard = PasswordPolicy(commonPasswords: CommonPasswords.list)

    private let commonPasswords: Set<String>

    public init(commonPasswords: some Sequence<String>) {
        self.commonPasswords = Set(commonPasswords.map { $0.lowercased() })
    }

    /// Every reason the password is not acceptable, in plain English; empty when it is.
    public func problems(password: String, username: String) -> [String] {
        var problems: [String] = []
        if password.count < Self.minimumLength {
            problems.append("Use at least \(Self.minimumLength) characters.")
        }
        if password.count > Self.maximumLength {
            problems.append("Use at most \(Self.maximumLength) characters.")
        }
        let lowered = password.lowercased()
        if commonPasswords.contains(lowered) || isCommonWithDigits(lowered) {
            problems.append("This password is too common. Try three or four random words together.")
        }
        if !username.isEmpty, lowered.contains(username.lowercased()) {
            problems.append("Do not include your username in your password.")
        }
        if Set(password).count < 4, password.count >= Self.minimumLength {
            problems.append("Use more different characters.")
        }
        return problems
    }

    /// "password12345" and "qwertyuiop2024" are as weak as the word they start with.
    private func isCommonWithDigits(_ password: String) -> Bool {
        let stem = String(password.reversed().drop(while: \.isNumber).reversed())
        return stem != password && stem.count >= 4 && commonPasswords.contains(stem)
    }
}
