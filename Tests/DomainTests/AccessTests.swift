import Testing
import WaymarkDomain

@Suite("Roles and permissions")
struct AccessTests {
    @Test("Partners and board members never see child-level data or admin")
    func leastPrivilege() {
        for role in [Role.partner, .boardMember, .readOnly] {
            #expect(!role.permissions.contains(.viewChildren), "\(role)")
            #expect(!role.permissions.contains(.manageUsers), "\(role)")
            #expect(!role.permissions.contains(.viewAuditTrail), "\(role)")
        }
    }

    @Test("Only system administrators manage users; administrators and QA auditors read the audit trail")
    func adminPermissions() {
        #expect(Role.allCases.filter { $0.permissions.contains(.manageUsers) } == [.systemAdmin])
        #expect(Role.allCases.filter { $0.permissions.contains(.viewAuditTrail) } == [.systemAdmin, .qaAuditor])
    }

    @Test("Access: everyone, signed in, or a permission")
    func accessAllows() {
        #expect(Access.everyone.allows(nil))
        #expect(!Access.signedIn.allows(nil))
        #expect(Access.signedIn.allows(.readOnly))
        #expect(!Access.permission(.viewPlan).allows(nil))
        #expect(Access.permission(.viewChildren).allows(.practitioner))
        #expect(!Access.permission(.viewChildren).allows(.partner))
    }

    @Test("Navigation shows a role only the areas it may open, in order")
    func visibleAreas() {
        #expect(Area.visible(to: .partner) == [.plan, .measures, .directory])
        #expect(Area.visible(to: .boardMember) == [.plan, .measures, .performance])
        #expect(Area.visible(to: .qaAuditor) == [.plan, .measures, .children, .performance, .quality, .voice, .directory, .admin])
        #expect(Area.visible(to: .systemAdmin) == Area.allCases)
        #expect(Area.visible(to: .practitioner).contains(.admin) == false)
    }
}
