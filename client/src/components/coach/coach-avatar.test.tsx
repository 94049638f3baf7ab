import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { makeCoach } from '@/testing/fixtures';

import { avatarTone } from './avatar-initials';
import { CoachAvatar } from './coach-avatar';

const coachPicture = {
  url: '/uploads/coach-pictures/carla.png',
  publicId: 'coach-pictures/carla.png',
};
const userPicture = {
  url: '/uploads/profile-pictures/carla.png',
  publicId: 'profile-pictures/carla.png',
};

describe('CoachAvatar', () => {
  it('shows the coach picture first, named for screen readers', () => {
    render(
      <CoachAvatar
        coach={makeCoach({ coachProfilePicture: coachPicture, profilePicture: userPicture })}
      />,
    );
    const picture = screen.getByRole('img', { name: 'Photo of Carla Jensen' });
    expect(picture).toHaveAttribute('src', coachPicture.url);
  });

  it('falls back to the account picture, also when the coach picture fails to load', () => {
    const { rerender } = render(
      <CoachAvatar coach={makeCoach({ coachProfilePicture: null, profilePicture: userPicture })} />,
    );
    expect(screen.getByRole('img', { name: 'Photo of Carla Jensen' })).toHaveAttribute(
      'src',
      userPicture.url,
    );

    rerender(
      <CoachAvatar
        coach={makeCoach({ coachProfilePicture: coachPicture, profilePicture: userPicture })}
      />,
    );
    fireEvent.error(screen.getByRole('img'));
    expect(screen.getByRole('img')).toHaveAttribute('src', userPicture.url);
  });

  it('shows initials on a colour derived from the name when there is no picture', () => {
    render(
      <CoachAvatar
        size="lg"
        coach={makeCoach({
          firstName: 'Sofía',
          lastName: 'márquez',
          coachProfilePicture: null,
          profilePicture: null,
        })}
      />,
    );
    const avatar = screen.getByRole('img', { name: 'Photo of Sofía márquez' });
    expect(avatar).toHaveTextContent('SM');
    expect(avatar).toHaveClass('coach-avatar--lg');
    expect(avatar).toHaveAttribute('data-tone', String(avatarTone('Sofía márquez')));
    // The same name always gets the same colour.
    expect(avatarTone('Sofía márquez')).toBe(avatarTone('Sofía márquez'));
  });

  it('stays silent next to a visible name', () => {
    render(<CoachAvatar decorative coach={makeCoach({ coachProfilePicture: coachPicture })} />);
    expect(screen.queryByRole('img', { name: /Carla/ })).not.toBeInTheDocument();
    expect(screen.getByTestId('coach-avatar')).toHaveAttribute('alt', '');
  });
});
