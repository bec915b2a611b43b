@{
    Synopsis    = 'Emits an event from a source or workflow in the emulator.'
    Description = @'
Send-PdEmulatorEvent sends POST /_emulator/emit: the source (dc_...) or workflow (p_...)
-EmitterId emits -Event, -Count times (default 1). The event is delivered to every matching
subscription, as the real service would. -Name $errors puts a workflow's event in its
errors list. -EmitterId binds from the Id or SourceId of piped objects, so
Get-PdSource | Send-PdEmulatorEvent works. -Event is converted to JSON like the module's
other free-form input (hashtables, arrays, numbers, strings, dates).

It writes the ids of the events made. -WhatIf sends nothing.
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
    )
    Links       = @('about_PSPipedream', 'New-PdEmulatorWorkflow', 'Get-PdEvent', 'Get-PdWorkflowError')
}
