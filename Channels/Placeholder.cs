namespace ChatBot.Channels; internal static class Placeholder {}
