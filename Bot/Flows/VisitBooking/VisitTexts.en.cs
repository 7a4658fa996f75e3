using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Visits;

namespace ChatBot.Bot.Flows.VisitBooking;

public sealed partial record VisitTexts
{
    public static readonly VisitTexts English = new()
    {
        Menu = new("Video-call visit registration", ["visit", "video call", "vc", "call", "visit status", "my visit"]),
        AskInmate = "*Video-call visit registration*\nWrite the *full name* or *registration number* of the inmate you want to call.",
        AskSecondDetail = "To be sure, write the inmate's *date of birth* (e.g. 17-08-1990) or their *registration number*.",
        NotMatched = "Sorry, we could not match the inmate details you wrote. Please check the spelling of the name and the date of birth or registration number, or type *officer* to get help from an officer.",
        Paused = until => $"Sorry, there have been too many inmate lookups. Please try again after {until}, or type *officer* to get help from an officer.",
        Busy = until => $"Sorry, the inmate search is very busy right now. Please try again after {until}, or contact our office (type *officer* to get help from an officer).",
        Matched = name => $"Inmate found: *{name}*.",
        ConfirmInmate = name => $"Do you mean *{name}*? (yes/no)",
        NotThatInmate = "All right, please check the name and the date of birth or registration number of the inmate you mean.",
        NotAllowed = "Sorry, this inmate cannot receive video-call visits at the moment. Type *officer* for more information.",
        AlreadyBooked = code => $"You already have an active visit booking for this inmate (code *{code}*). Choose the visit menu again to see its status, reschedule or cancel it.",
        AskRequesterName = "What is *your name*?",
        AskRelationship = "How are you related to the inmate?",
        Relationships = new Dictionary<string, string>
        {
            ["parent"] = "Parent",
            ["spouse"] = "Husband/wife",
            ["child"] = "Child",
            ["sibling"] = "Brother/sister",
            ["relative"] = "Other family",
            ["lawyer"] = "Lawyer",
        },
        AskCallNumber = number => $"The officer will video-call *{number}*. Type *yes* if that is right, or write another WhatsApp number.",
        AskCallNumberNoDefault = "Write the WhatsApp number the officer should video-call (e.g. 0812 3456 7890).",
        CallNumberHint = "Type *yes*, or write a valid phone number, e.g. 0812 3456 7890.",
        ChooseSlot = tz => $"Choose a video-call time ({tz}). Reply with its number, name the day you would like (e.g. *friday* or *monday morning*), or type *more* for later times:",
        MoreSlots = tz => $"The next free times ({tz}). Reply with its number, name a day, or type *more* again:",
        SlotsOn = (day, tz) => $"Free times on *{day}* ({tz}). Reply with its number, or type *more* for later times:",
        SlotsThen = tz => $"The nearest free times at that time of day ({tz}). Reply with its number, or type *more* for later times:",
        NoSlotsOn = (day, nearest, tz) => $"Sorry, there is no free video-call time on *{day}*. The nearest days with free times: {nearest}. Please choose ({tz}), or name another day:",
        NoSlotsThen = "Sorry, there is no free video-call time then.",
        NoMoreSlots = days => $"Those were all the free times in the next {days} days. Here they are again from the start.",
        SlotHint = count => $"Reply with the number of a time (1 to {count}), name the day (e.g. *friday* or *monday morning*), or type *more* for later times.",
        SlotDayPassed = "That day has passed. Name a day to come (e.g. *friday*), or reply with the number of a time.",
        And = " and ",
        NoSlots = days => $"Sorry, there is no free video-call time in the next {days} days. Please try again later or type *officer*.",
        SlotTaken = "Sorry, that time was just taken by someone else. Here are the times still free.",
        WeeklyLimit = "Sorry, this inmate's video calls for that week are used up. Please choose another time.",
        Booked = "✅ *Your video-call visit is booked.*",
        Rescheduled = "✅ *Your video-call visit has been rescheduled.*",
        BookingDetails = (code, queue, when, inmate, number) =>
            $"Booking code: *{code}*\nQueue number: *{queue}*\nTime: {when}\nInmate: {inmate}\nNumber to be called: {number}",
        FreeOfCharge = "This service is *free of charge*.",
        HowToManage = "We will send a reminder before your time and tell you when the call is about to start. To see the status, reschedule or cancel, type *menu* and choose the video-call visit.",
        YourBookings = "*Your visit bookings:*",
        StatusLine = (code, when, queue, inmate, status) => $"• *{code}* — {when}, queue no. {queue}, inmate {inmate}: *{status}*",
        StatusNames = new Dictionary<VisitStatus, string>
        {
            [VisitStatus.Booked] = "booked",
            [VisitStatus.Called] = "called",
            [VisitStatus.IdentityChecked] = "identity checked",
            [VisitStatus.InCall] = "in call",
            [VisitStatus.Finished] = "finished",
            [VisitStatus.NoShow] = "no-show",
            [VisitStatus.Cancelled] = "cancelled",
        },
        WhatNext = "What would you like to do?",
        RescheduleChoice = code => $"Reschedule {code}",
        CancelChoice = code => $"Cancel {code}",
        NewChoice = "Book a new visit",
        DoneChoice = "Done",
        ConfirmCancel = (code, when) => $"Cancel visit *{code}* ({when})?",
        Cancelled = code => $"Visit *{code}* has been cancelled. Type *menu* for other services.",
        CannotChange = "Sorry, this visit can no longer be changed because an officer is already handling it. Type *officer* if you need help.",
        Kept = "All right, your visit stays booked.",
        Done = "All right. Type *menu* for other services.",
        Reminder = (code, when, queue, number) =>
            $"🔔 Reminder of video-call visit *{code}*: {when}, queue no. {queue}. Please keep {number} on and ready to take the video call. This service is free.",
        CallStarting = (code, from) =>
            $"📞 Video-call visit *{code}* is about to start. The officer will call you from *{from}*. Please have your phone ready and answer the call.",
        CallStartingNoNumber = (code, office) =>
            $"📞 Video-call visit *{code}* is about to start. An officer of {office} will call you by WhatsApp video call. Please have your phone ready and answer the call.",
        CancelledByOfficer = code => $"Sorry, video-call visit *{code}* was cancelled by an officer. Type *officer* for more information.",
        DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        At = "at",
    };
}
