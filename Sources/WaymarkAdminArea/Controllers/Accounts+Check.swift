import Fluent
import Foundation
import WaymarkDomain
import WaymarkStore
import WaymarkUI
import WaymarkWeb

extension Accounts {
    /// Checks the details of a new or edited account; each problem is keyed by the form field it belongs to.
    static func check(
        _ values: UserFormPage.Values, existing: User?, on db: any Database
    ) async throws
        -> (valid: Details?, errors: FormErrors)
    {
        var errors = FormErrors()
        let username = values.username.trimmingCharacters(in: .whitespaces).lowercased()
        let displayName = values.displayName.trimmingCharacters(in: .whitespaces)
        if username.isEmpty {
            errors.add("username", "Enter a username.")
        } else if username.count > 64 || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) {
            errors.add("username", "Use only letters, numbers, dots and hyphens, at most 64 characters.")
        } else if let other = try await UserStore.user(named: username, on: db), other.id != existing?.id {
            errors.add("username", "Username \"\(username)\" is already taken.")
        }
        if displayName.isEmpty { errors.add("displayName", "Enter the person's full name.") }
        if displayName.count > 120 { errors.add("displayName", "Use at most 120 characters.") }
        let role = Role(rawValue: values.role)
        if role == nil { errors.add("role", "Choose a role.") }
        let staffID = values.staffID.trimmingCharacters(in: .whitespaces)
        if staffID.count > 40 || staffID.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 32 } == true }) {
            errors.add("staffID", "Use at most 40 characters, on one line.")
        } else if !staffID.isEmpty, let other = try await UserStore.user(staffID: staffID, on: db), other.id != existing?.id {
            errors.add("staffID", "Staff identifier \"\(staffID)\" is already \(other.displayName)'s.")
        }

        func find<Found>(
            _ raw: String, field: String, label: String, _ lookUp: (UUID, any Database) async throws -> Found?
        ) async throws -> Found? {
            guard !raw.isEmpty else { return nil }
            guard let id = UUID(uuidString: raw), let found = try await lookUp(id, db) else {
                errors.add(field, "Choose a \(label) from the list.")
                return nil
            }
            return found
        }
        let organisation = try await find(values.organisationID, field: "organisationID", label: "organisation") {
            try await ReferenceDataStore.organisation(id: $0, on: $1)
        }
        let team = try await find(values.teamID, field: "teamID", label: "team") { try await ReferenceDataStore.team(id: $0, on: $1) }
        var serviceArea = try await find(values.serviceAreaID, field: "serviceAreaID", label: "service area") {
            try await ReferenceDataStore.serviceArea(id: $0, on: $1)
        }?.id
        if role?.requiresOrganisation == true, organisation == nil, errors["organisationID"] == nil {
            errors.add("organisationID", "Choose the organisation this partner works for: partners see only their organisation's work.")
        }
        // A team belongs to one service area: take it from the team, and refuse a contradiction.
        if let team {
            if let serviceArea, serviceArea != team.$serviceArea.id {
                errors.add("serviceAreaID", "The team chosen belongs to another service area. Choose that service area, or none.")
            }
            serviceArea = team.$serviceArea.id
        }
        var lastDay: ISODay?
        if let role {
            switch AccountEnd.read(values.lastDay, role: role, today: .today) {
            case .success(let day): lastDay = day
            case .failure(let problem): errors.add("lastDay", problem.message)
            }
        }
        guard errors.isEmpty, let role else { return (nil, errors) }
        return (
            Details(
                username: username, displayName: displayName, role: role, organisation: organisation?.id, team: team?.id,
                serviceArea: serviceArea, staffID: staffID.isEmpty ? nil : staffID, lastDay: lastDay), errors
        )
    }
}
