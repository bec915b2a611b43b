namespace PSPipedream.Http
{
    /// <summary>What the pager needs of a page: how many items, their ids, page_info and where it came from.</summary>
    internal interface IPdPage
    {
        int Count { get; }
        PdPageInfo PageInfo { get; }

        /// <summary>The id of item <paramref name="index"/>, or null when it has none.</summary>
        string? IdAt(int index);

        /// <summary>The answer this page came from (set by PdClient), for naming it in errors.</summary>
        PdResponse? Origin { get; }
    }
}
