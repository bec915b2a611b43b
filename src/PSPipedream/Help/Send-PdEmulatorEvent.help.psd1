@{
    Synopsis    = 'Emits an event from a source or workflow in the emulator.'
    Description = @'
Send-PdEmulatorEvent sends POST /_emulator/emit: the source (dc_...) or workflow (p_...)
-EmitterId emits -Event, -Count times (default 1). The event is delivered to every matching
subscription, as the real service would. -Name $errors puts a workflow's event in its
errors list. -EmitterId binds from the Id or SourceId of piped objects, so
Get-PdSource | Send-PdEmulatorEvent works. -Event is converted to JSON like the module's
other free-form input: a hashtable, or any object, such as the Event of an event from
Get-PdEvent or what ConvertFrom-Json gives, so a real event can be replayed into the emulator.

-Timestamp backdates the events: their ids (<milliseconds>-<sequence>) and IndexedAt come
from that time, and they take their place by time among the emitter's other events, so
scripts that look for events older than some days can be tested. A DateTime without a zone
(as Get-Date and [datetime]'2026-01-01' give) is local time and is converted to UTC; a time
in the future or before 1970 is refused with PdInvalidArgument before anything is sent. The
emulator keeps the newest 100 events of each emitter, as the API does: an event older than
all of a full list's is dropped at once.

-Every <seconds> with -Count <n> emits steadily in the background, in the emulator: one event
every -Every seconds (0.1 to 3600), the first one interval from now, -Count events in all.
The cmdlet returns at once with a PSPipedream.PdEmulatorSchedule (Id, EmitterId, EventName,
EverySeconds, Count, FirstAt, LastAt). Reset-PdEmulator stops it, and so does stopping the
emulator or deleting the emitter. Up to 100 run at a time.

It writes the ids of the events made (or the schedule, with -Every). -WhatIf sends nothing.
'@
    Examples    = @(
        @{
            Code    = "Get-PdSource -All | Send-PdEmulatorEvent -Event @{ message = 'hello' } -Count 3"
            Remarks = 'Every source emits three events {"message": "hello"}; Get-PdEvent then lists them.'
        }
        @{
            Code    = "Send-PdEmulatorEvent -EmitterId p_orders -Name '`$errors' -Event @{ error = @{ msg = 'boom' }; original_event = @{}; original_context = @{} }"
            Remarks = 'Puts an error in workflow p_orders''s errors list, for Get-PdWorkflowError.'
        }
        @{
            Code    = 'Get-PdSource -Name old-* | Send-PdEmulatorEvent -Event @{ n = 1 } -Timestamp (Get-Date).AddDays(-40)'
            Remarks = 'Gives each source named old-* an event from 40 days ago, for testing a script that looks for idle sources.'
        }
        @{
            Code    = @'
$e = Get-PdEvent -SourceId dc_real -First 1 -Expand
Send-PdEmulatorEvent -EmitterId dc_test -Event $e.Event
'@
            Remarks = 'Replays an event taken from a source (here read from any connection) into the emulator''s source dc_test.'
        }
        @{
            Code    = @'
Send-PdEmulatorEvent -EmitterId dc_test -Event @{ tick = $true } -Every 1 -Count 30
Get-PdEvent -SourceId dc_test -First 1
'@
            Remarks = 'The emulator emits one event a second for 30 seconds while the script goes on; Get-PdEvent sees them arrive.'
        }
    )
    Links       = @('about_PSPipedream', 'New-PdEmulatorWorkflow', 'Get-PdEvent', 'Get-PdWorkflowError')
}
