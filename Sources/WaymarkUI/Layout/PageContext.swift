import WaymarkDomain

/// Who is looking at a page: enough to build the navigation and the account links, nothing more.
public struct Viewer: Sendable, Equatable {
    public var displayName: String
    public var role: Role

    public init(displayName: String, role: Role) {
        self.displayName = displayName
        self.role = role
    }
}

/// What every page needs from the request besides its own model.
public struct PageContext: Sendable {
    public var title: String
    public var viewer: Viewer?
    /// The token every state-changing form must send back (see the CSRF middleware).
    public var csrfToken: String
    public var currentArea: Area?
    /// A one-off message after an action, such as "User saved".
    public var notice: String?

    public init(title: String, viewer: Viewer?, csrfToken: String, currentArea: Area? = nil, notice: String? = nil) {
        self.title = title
        self.viewer = viewer
        self.csrfToken = csrfToken
        self.currentArea = currentArea
        self.notice = notice
    }
}
