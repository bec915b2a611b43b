@{
    Synopsis    = 'Makes a workflow in the emulator.'
    Description = @'
New-PdEmulatorWorkflow sends POST /_emulator/workflows. The workflow gets -Id (p_ then
letters, digits, _ or -) or a made-up id, and belongs to -OwnerId (a user u_... or an org
o_...) or the emulator's first user. Events sent to it with Send-PdEmulatorEvent are then
listed by Get-PdWorkflowEvent and Get-PdWorkflowError. It writes the workflow as a
PSPipedream.PdEmulatorWorkflow: Id, OwnerId and CreatedAt. Reset-PdEmulator removes such
workflows. -WhatIf sends nothing.

-TopLevelErrors makes the workflow answer its $errors list the way some clients model it,
with original_event, original_context and error at the top level of each item instead of
inside its event (the API reference's shape); Get-PdWorkflowError reads both.
'@
    Examples    = @(
        @{
            Code    = @'
New-PdEmulatorWorkflow -Id p_orders
Send-PdEmulatorEvent -EmitterId p_orders -Event @{ order = 42 }
Get-PdWorkflowEvent -WorkflowId p_orders
'@
            Remarks = 'Makes workflow p_orders, emits one event from it and lists it.'
        }
    )
    Links       = @('about_PSPipedream', 'Send-PdEmulatorEvent', 'Get-PdWorkflowEvent')
}
