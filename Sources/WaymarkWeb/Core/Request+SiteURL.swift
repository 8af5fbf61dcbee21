import Vapor
import WaymarkRouting

extension Request {
    /// The request's query parameters, typed by the page's `URLQuery`.
    package func query<Query: URLQuery>(_: Query.Type) -> Query {
        Query(reading: { name in try? self.query.get(String.self, at: name) })
    }

    /// A redirect after a post to a page, with the notice it shows and the part of it to scroll to.
    package func redirect(to url: SiteURL, notice: Notice? = nil, fragment: String? = nil) -> Response {
        redirect(to: url.path(adding: notice.map { [QueryItem(Notice.queryName, $0.rawValue)] } ?? [], fragment: fragment), redirectType: .normal)
    }
}
