import FluentKit

/// The borough's partnership and service structure, as named in the seed documents (the Children and Young
/// People's Plan 2019–23 and the Ofsted self-assessment): loaded into an empty database so a new install has
/// the organisations, service areas and teams that users are placed in.
package enum DemoReferenceData {
    package static let organisations: [(name: String, kind: Organisation.Kind)] = [
        ("Barnet Council – Family Services", .council),
        ("Barnet Council – Education and Skills", .council),
        ("Barnet Council – Public Health", .council),
        ("Barnet Council – Growth and Development", .council),
        ("Barnet Homes", .housing),
        ("NHS Barnet Clinical Commissioning Group", .nhs),
        ("Barnet, Enfield and Haringey Mental Health NHS Trust (CAMHS)", .nhs),
        ("Metropolitan Police – North West Basic Command Unit", .police),
        ("Barnet schools", .school),
        ("OnSide Youth Zones", .voluntary),
        ("Barnet Youth Board", .youngPeople),
    ]

    /// Service areas and their teams.
    package static let serviceAreas: [(name: String, teams: [String])] = [
        ("Front Door and MASH", ["MASH Team"]),
        ("Early Help", ["Early Help Hub – East Central", "Early Help Hub – South", "Early Help Hub – West"]),
        ("Duty and Assessment", ["Duty & Assessment Team 1", "Duty & Assessment Team 2"]),
        ("Intervention and Planning", ["Intervention and Planning Team 1", "Intervention and Planning Team 2"]),
        ("Children in Care and Leaving Care", ["Children in Care Team", "Leaving Care Team", "Adoption Team"]),
        ("0–25 Disabilities Service", ["0–25 Disabilities Team"]),
        ("Youth Offending Service", ["Youth Offending Team"]),
        ("Safeguarding and Quality Assurance", ["Independent Reviewing Officers", "Quality Assurance Team"]),
    ]

    /// The organisations, service areas and teams, into a database that has none; says whether it loaded them.
    @discardableResult
    package static func load(on db: any Database) async throws -> Bool {
        guard try await Organisation.query(on: db).count() == 0, try await ServiceArea.query(on: db).count() == 0 else { return false }
        try await db.transaction { db in
            for organisation in organisations {
                try await Organisation(name: organisation.name, kind: organisation.kind).create(on: db)
            }
            for area in serviceAreas {
                let serviceArea = ServiceArea(name: area.name)
                try await serviceArea.create(on: db)
                for team in area.teams {
                    try await Team(name: team, serviceAreaID: serviceArea.requireID()).create(on: db)
                }
            }
        }
        return true
    }
}
