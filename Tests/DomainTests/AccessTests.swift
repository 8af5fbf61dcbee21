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

    @Test("Only system administrators manage users; administrators, QA leads and QA auditors read the audit trail")
    func adminPermissions() {
        #expect(Role.allCases.filter { $0.permissions.contains(.manageUsers) } == [.systemAdmin])
        #expect(Role.allCases.filter { $0.permissions.contains(.viewAuditTrail) } == [.systemAdmin, .qaLead, .qaAuditor])
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

@Suite struct ChildRecordScopeTests {
    @Test func eachRoleSeesItsOwnPartOfTheChildren() {
        let scope = { (role: Role) in ChildRecordScope.of(role: role, userID: "u1", team: "t1", serviceArea: "s1") }
        #expect(scope(.leadership) == .all && scope(.qaAuditor) == .all && scope(.qaLead) == .all && scope(.systemAdmin) == .all)
        #expect(scope(.headOfService) == .serviceArea("s1"))
        #expect(scope(.teamManager) == .team("t1"))
        #expect(scope(.practitioner) == .caseload("u1"))
        #expect(scope(.partner) == .none && scope(.boardMember) == .none && scope(.readOnly) == .none)
        // A team manager with no team, or a head of service with no service area, sees no child.
        #expect(ChildRecordScope.of(role: .teamManager, userID: "u1", team: nil, serviceArea: "s1") == .none)
        #expect(ChildRecordScope.of(role: .headOfService, userID: "u1", team: "t1", serviceArea: nil) == .none)
    }

    @Test func aChildIsInsideAScopeByItsCurrentAllocation() {
        #expect(ChildRecordScope.team("t1").includes(team: "t1", serviceArea: "s1", worker: "u9"))
        #expect(!ChildRecordScope.team("t1").includes(team: "t2", serviceArea: "s1", worker: "u9"))
        #expect(ChildRecordScope.serviceArea("s1").includes(team: "t2", serviceArea: "s1", worker: nil))
        #expect(ChildRecordScope.caseload("u1").includes(team: "t1", serviceArea: "s1", worker: "u1"))
        #expect(!ChildRecordScope.caseload("u1").includes(team: "t1", serviceArea: "s1", worker: nil))
        // An unallocated child is seen only by those who see all.
        #expect(ChildRecordScope.all.includes(team: nil, serviceArea: nil, worker: nil))
        #expect(!ChildRecordScope.none.includes(team: "t1", serviceArea: "s1", worker: "u1"))
        #expect(ChildRecordScope.seesNames(.practitioner) && !ChildRecordScope.seesNames(.systemAdmin) && !ChildRecordScope.seesNames(.partner))
    }
}
