namespace PSPipedream
{
    /// <summary>A model with an id, which the pager's loop guard compares between pages.</summary>
    internal interface IPdIdentified
    {
        string? Id { get; }
    }
}
