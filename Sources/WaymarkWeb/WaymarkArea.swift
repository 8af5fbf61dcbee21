import Vapor
import WaymarkDomain

/// What an area shows the composition root (`configure`), and all it shows: its routes, each with the access it
/// declares, and its commands. Its controllers, pages and the rest stay inside its own target.
package protocol WaymarkArea {
    /// Its place in the navigation.
    static var area: Area { get }
    /// Registers the area's routes, each through `RoutesBuilder.on(_:_:access:use:)`.
    static func routes(_ app: Application) throws
    /// The area's commands, by the name they are run with (`waymark plan …`).
    static var commands: [String: any AnyAsyncCommand] { get }
}
