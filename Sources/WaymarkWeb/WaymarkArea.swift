import Vapor
import WaymarkDomain
import WaymarkUI

/// What an area shows the composition root (`configure`), and all it shows: its routes, each with the access it
/// declares, and its commands. Its controllers, pages and the rest stay inside its own target.
package protocol WaymarkArea {
    /// Its place in the navigation.
    static var area: Area { get }
    /// Registers the area's routes, each through `RoutesBuilder.on(_:_:access:use:)`.
    static func routes(_ app: Application) throws
    /// The area's commands, by the name they are run with (`waymark plan …`).
    static var commands: [String: any AnyAsyncCommand] { get }
    /// What needs the signed-in person today in this area, for their home page; nil when nothing here is theirs.
    /// It shows only what the person may open, and audits what it lists of children as the pages it links to do.
    static func today(_ req: Request) async throws -> HomeSection?
    /// The area's part of the demo, made on a day from a seed, once the demo's children are loaded: what it loaded, a
    /// line each; nothing where the database holds the area's records already.
    static func loadDemo(madeOn: ISODay, seed: UInt64, app: Application) async throws -> [String]
}

extension WaymarkArea {
    package static func today(_ req: Request) async throws -> HomeSection? { nil }
    package static func loadDemo(madeOn: ISODay, seed: UInt64, app: Application) async throws -> [String] { [] }
}
