class CVChatManager {
  constructor(accessToken) {
    this.accessToken = accessToken;
    this.baseURL = 'http://localhost:3000/api/v1';
    this.sessionId = null;
  }
  
  async startChat(initialMessage) {
    const response = await fetch(`${this.baseURL}/chat/start`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Authorization': `Bearer ${this.accessToken}`
      },
      body: JSON.stringify({
        initial_message: initialMessage,
        doc_type: 'cv'
      })
    });
    
    const data = await response.json();
    this.sessionId = data.session_id;
    
    return data;
  }
  
  async sendMessage(message) {
    const response = await fetch(`${this.baseURL}/chat/message`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Authorization': `Bearer ${this.accessToken}`
      },
      body: JSON.stringify({
        session_id: this.sessionId,
        message: message
      })
    });
    
    return await response.json();
  }
  
  async finalize(title) {
    const response = await fetch(
      `${this.baseURL}/chat/session/${this.sessionId}/finalize`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Authorization': `Bearer ${this.accessToken}`
        },
        body: JSON.stringify({ title })
      }
    );
    
    return await response.json();
  }
}

// Usage
const chat = new CVChatManager(accessToken);

// Start conversation
const start = await chat.startChat("I'm a software engineer");
console.log(start.message);

// Continue chatting
const msg1 = await chat.sendMessage("My email is john@example.com");
console.log(msg1.message);

// Finalize when done
const doc = await chat.finalize("My Professional CV");
console.log('Document created:', doc.document.id);
