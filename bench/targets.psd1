# The benchmarks' targets, one entry a scenario in the order of the results table. Each scenario
# (bench/scenarios/<Name>.ps1) judges its rows by its own entry, and the README's Performance table
# shows the same targets: tests/Pester/Bench.Tests.ps1 checks that it does.
#
# A target: Name (the measure it judges), Op (<, <=, >=, or = for "exactly"), Limit, and optionally
# Unit (ms or MB: what the limit is in) and Note (shown after the target).
@{
    Scenarios = @(
        @{
            Name = 'List'; Title = '1. list 10,000 sources'
            Targets = @(
                @{ Name = 'module / floor'; Op = '<='; Limit = 1.3 }
                @{ Name = 'IRM / module'; Op = '>='; Limit = 3 }
            )
        }
        @{
            Name = 'Import'; Title = '2. import'
            Targets = @(@{ Name = 'import - baseline'; Op = '<'; Limit = 60; Unit = 'ms' })
        }
        @{
            Name = 'Memory'; Title = '3. memory'
            Targets = @(@{ Name = 'difference'; Op = '<'; Limit = 30; Unit = 'MB' })
        }
        @{
            Name = 'EarlyStop'; Title = '4. early stop'
            Targets = @(@{ Name = 'source-list requests'; Op = '='; Limit = 1 })
        }
        @{
            Name = 'FanOut'; Title = '5. fan-out'
            Targets = @(
                @{ Name = '(a) / (b)'; Op = '>='; Limit = 6 }
                @{ Name = '(c) / (b)'; Op = '>='; Limit = 1.5 }
            )
        }
        @{
            Name = 'MassRemove'; Title = '6. mass change'
            Targets = @(@{ Name = 'sequential / -ThrottleLimit'; Op = '>='; Limit = 5 })
        }
        @{
            # The limit is also the scenario's -ThrottleLimit: the throttled run may send one first burst more.
            Name = 'Storm'; Title = '7. 429 storm'
            Targets = @(@{ Name = '(b) - (a)'; Op = '<='; Limit = 32; Note = 'the first burst' })
        }
        @{
            Name = 'Configuration'; Title = '8. account as code'
            Targets = @(@{ Name = 'total'; Op = '<'; Limit = 30000; Unit = 'ms' })
        }
    )
}
