using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Data;
using Sipp.Web.Infrastructure.Messaging;

namespace Sipp.Web.Features.Dev;

/// <summary>GET /dev/outbox: the messages Sipp sent or queued, newest first. Development only; 404 elsewhere.</summary>
[AllowAnonymous]
public sealed class OutboxModel(SippDbContext db, IHostEnvironment environment) : PageModel
{
    public IReadOnlyList<OutboxEntry> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Messages = await DevOutboxApi.ReadAsync(db, cancellationToken);
        return Page();
    }
}
