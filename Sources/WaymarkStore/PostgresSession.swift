/// Settings every PostgreSQL connection starts with, sent as it opens rather than before each read.
package enum PostgresSession {
    /// Reports group every child's records: their sorts stay in memory rather than spill to disk (the default 4 MB
    /// spilled 50 MB a part), and start no workers of their own, as the parts of a read already run one a core
    /// (`Application.sideBySide`). Only sorts and hashes that need it use the memory.
    package static let settings = [("work_mem", "256MB"), ("max_parallel_workers_per_gather", "0")]
}
